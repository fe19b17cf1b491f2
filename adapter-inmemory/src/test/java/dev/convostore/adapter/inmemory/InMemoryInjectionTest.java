package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.InjectionContract;
import dev.convostore.application.port.out.Storage;

class InMemoryInjectionTest extends InjectionContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
