package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.IsolationContract;
import dev.convostore.application.port.out.Storage;

class PostgresIsolationTest extends IsolationContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
