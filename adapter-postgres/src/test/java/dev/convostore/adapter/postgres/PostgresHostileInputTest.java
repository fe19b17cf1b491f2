package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.HostileInputProperties;
import dev.convostore.application.port.out.Storage;

class PostgresHostileInputTest extends HostileInputProperties {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
