package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.ListingContract;
import dev.convostore.application.port.out.Storage;

class InMemoryListingTest extends ListingContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
