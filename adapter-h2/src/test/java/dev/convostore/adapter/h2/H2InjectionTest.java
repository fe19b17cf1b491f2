package dev.convostore.adapter.h2;

import dev.convostore.application.contract.InjectionContract;
import dev.convostore.application.port.out.Storage;

class H2InjectionTest extends InjectionContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
