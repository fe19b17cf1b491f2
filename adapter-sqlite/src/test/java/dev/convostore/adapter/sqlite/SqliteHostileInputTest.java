package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.HostileInputProperties;
import dev.convostore.application.port.out.Storage;

class SqliteHostileInputTest extends HostileInputProperties {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
