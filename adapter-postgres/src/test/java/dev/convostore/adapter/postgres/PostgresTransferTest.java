package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.TransferContract;
import dev.convostore.application.port.out.Storage;

class PostgresTransferTest extends TransferContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
