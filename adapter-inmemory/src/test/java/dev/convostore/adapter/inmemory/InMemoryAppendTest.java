package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.AppendContract;
import dev.convostore.application.port.out.Storage;

class InMemoryAppendTest extends AppendContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
