package dev.convostore.adapter.inmemory;

import dev.convostore.application.contract.ConversationContract;
import dev.convostore.application.port.out.Storage;

class InMemoryConversationTest extends ConversationContract {

  @Override
  protected Storage openStorage() {
    return new InMemoryStorage();
  }
}
