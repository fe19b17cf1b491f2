package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.ConcurrencyContract;
import dev.convostore.application.port.out.Storage;

class InMemoryConcurrencyTest extends ConcurrencyContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
