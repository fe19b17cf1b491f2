package dev.convostore.adapter.h2;

import dev.convostore.application.contract.HostileInputProperties;
import dev.convostore.application.port.out.Storage;

class H2HostileInputTest extends HostileInputProperties {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
