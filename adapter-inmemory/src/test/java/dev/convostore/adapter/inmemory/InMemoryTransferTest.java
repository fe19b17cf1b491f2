package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.TransferContract;
import dev.convostore.application.port.out.Storage;

class InMemoryTransferTest extends TransferContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
