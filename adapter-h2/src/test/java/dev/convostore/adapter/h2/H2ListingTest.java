package dev.convostore.adapter.h2;

import dev.convostore.application.contract.ListingContract;
import dev.convostore.application.port.out.Storage;

class H2ListingTest extends ListingContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
