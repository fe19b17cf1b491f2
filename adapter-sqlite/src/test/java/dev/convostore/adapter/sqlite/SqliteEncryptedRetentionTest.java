package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.RetentionContract;
import dev.convostore.application.port.out.Storage;

class SqliteEncryptedRetentionTest extends RetentionContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return TestDatabases.CONTENT_KEYS.protect(databases.open());
  }
}
