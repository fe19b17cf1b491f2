package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.AppendContract;
import dev.convostore.application.port.out.Storage;

class PostgresAppendTest extends AppendContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
