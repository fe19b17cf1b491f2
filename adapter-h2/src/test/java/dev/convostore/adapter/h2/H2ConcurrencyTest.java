package dev.convostore.adapter.h2;

import dev.convostore.application.contract.ConcurrencyContract;
import dev.convostore.application.port.out.Storage;

class H2ConcurrencyTest extends ConcurrencyContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
