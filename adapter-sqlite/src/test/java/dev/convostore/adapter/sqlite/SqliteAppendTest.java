package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.AppendContract;
import dev.convostore.application.port.out.Storage;

class SqliteAppendTest extends AppendContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
