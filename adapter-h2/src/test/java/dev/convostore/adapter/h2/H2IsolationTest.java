package dev.convostore.adapter.h2;

import dev.convostore.application.contract.IsolationContract;
import dev.convostore.application.port.out.Storage;

class H2IsolationTest extends IsolationContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
