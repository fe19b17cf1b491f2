package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.RetentionContract;
import dev.convostore.application.port.out.Storage;

class PostgresRetentionTest extends RetentionContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
