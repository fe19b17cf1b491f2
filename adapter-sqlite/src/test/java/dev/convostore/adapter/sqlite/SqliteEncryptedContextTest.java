package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.ContextContract;
import dev.convostore.application.port.out.Storage;

class SqliteEncryptedContextTest extends ContextContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return TestDatabases.CONTENT_KEYS.protect(databases.open());
  }
}
