package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.ContextContract;
import dev.convostore.application.port.out.Storage;

class InMemoryContextTest extends ContextContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
