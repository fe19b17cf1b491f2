package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.ConcurrencyContract;
import dev.convostore.application.port.out.Storage;

class SqliteConcurrencyTest extends ConcurrencyContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
