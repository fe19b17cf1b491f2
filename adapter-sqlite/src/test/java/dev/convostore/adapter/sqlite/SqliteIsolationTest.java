package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.IsolationContract;
import dev.convostore.application.port.out.Storage;

class SqliteIsolationTest extends IsolationContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
