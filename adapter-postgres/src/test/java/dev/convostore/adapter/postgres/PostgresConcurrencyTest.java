package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.ConcurrencyContract;
import dev.convostore.application.port.out.Storage;

class PostgresConcurrencyTest extends ConcurrencyContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
