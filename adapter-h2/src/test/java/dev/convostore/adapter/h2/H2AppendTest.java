package dev.convostore.adapter.h2;

import dev.convostore.application.contract.AppendContract;
import dev.convostore.application.port.out.Storage;

class H2AppendTest extends AppendContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
