package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.HostileInputProperties;
import dev.convostore.application.port.out.Storage;

class InMemoryHostileInputTest extends HostileInputProperties {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
