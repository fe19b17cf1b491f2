package dev.convostore.adapter.h2;

import dev.convostore.application.contract.TransferContract;
import dev.convostore.application.port.out.Storage;

class H2TransferTest extends TransferContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
