package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.HistoryContract;
import dev.convostore.application.port.out.Storage;

class PostgresHistoryTest extends HistoryContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
