package dev.convostore.adapter.h2;

import dev.convostore.application.contract.SearchContract;
import dev.convostore.application.port.out.Storage;

class H2SearchTest extends SearchContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
