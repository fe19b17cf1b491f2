package dev.convostore.adapter.sqlite;

import dev.convostore.application.contract.ConversationContract;
import dev.convostore.application.port.out.Storage;

class SqliteConversationTest extends ConversationContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  protected Storage openStorage() {
    return databases.open();
  }
}
