package dev.convostore.adapter.h2;

import dev.convostore.application.contract.RetentionContract;
import dev.convostore.application.port.out.Storage;

class H2RetentionTest extends RetentionContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
