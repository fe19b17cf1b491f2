package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.ContextContract;
import dev.convostore.application.port.out.Storage;

class PostgresContextTest extends ContextContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
