package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.TransferContract;
import dev.convostore.application.port.out.Storage;

class SqliteTransferTest extends TransferContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
