package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.HistoryContract;
import dev.convostore.application.port.out.Storage;

class InMemoryHistoryTest extends HistoryContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
