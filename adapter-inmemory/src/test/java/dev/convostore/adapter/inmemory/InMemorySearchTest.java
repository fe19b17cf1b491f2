package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.SearchContract;
import dev.convostore.application.port.out.Storage;

class InMemorySearchTest extends SearchContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
