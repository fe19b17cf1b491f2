package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.InjectionContract;
import dev.convostore.application.port.out.Storage;

class PostgresInjectionTest extends InjectionContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
