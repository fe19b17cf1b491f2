package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.SearchContract;
import dev.convostore.application.port.out.Storage;

class PostgresSearchTest extends SearchContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
