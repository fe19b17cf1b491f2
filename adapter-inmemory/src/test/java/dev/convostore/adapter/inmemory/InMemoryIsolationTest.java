package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.IsolationContract;
import dev.convostore.application.port.out.Storage;

class InMemoryIsolationTest extends IsolationContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
