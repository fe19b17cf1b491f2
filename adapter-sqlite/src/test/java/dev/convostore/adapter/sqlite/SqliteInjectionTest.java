package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.InjectionContract;
import dev.convostore.application.port.out.Storage;

class SqliteInjectionTest extends InjectionContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
