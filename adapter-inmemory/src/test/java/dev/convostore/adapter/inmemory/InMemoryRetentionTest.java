package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.RetentionContract;
import dev.convostore.application.port.out.Storage;

class InMemoryRetentionTest extends RetentionContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
