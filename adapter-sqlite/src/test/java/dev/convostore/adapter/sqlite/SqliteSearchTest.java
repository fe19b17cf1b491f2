package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.SearchContract;
import dev.convostore.application.port.out.Storage;

class SqliteSearchTest extends SearchContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
