package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.ConversationContract;
import dev.convostore.application.port.out.Storage;

class PostgresConversationTest extends ConversationContract {

  @Override
  protected Storage openStorage() {
    return TestPostgres.open();
  }
}
