package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.RetentionContract;
import dev.convostore.application.port.out.Storage;

class SqliteRetentionTest extends RetentionContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
