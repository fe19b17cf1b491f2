package dev.convostore.adapter.h2;

import dev.convostore.application.contract.ContextContract;
import dev.convostore.application.port.out.Storage;

class H2ContextTest extends ContextContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
