package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.AppendContract;
import dev.convostore.application.port.out.Storage;

class SqliteEncryptedAppendTest extends AppendContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return TestDatabases.CONTENT_KEYS.protect(databases.open());
  }
}
