package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.HistoryContract;
import dev.convostore.application.port.out.Storage;

class SqliteEncryptedHistoryTest extends HistoryContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return TestDatabases.CONTENT_KEYS.protect(databases.open());
  }
}
