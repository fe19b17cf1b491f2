package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.ContextContract;
import dev.convostore.application.port.out.Storage;

class SqliteContextTest extends ContextContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
