package dev.convostore.adapter.h2;

import dev.convostore.application.contract.ConversationContract;
import dev.convostore.application.port.out.Storage;

class H2ConversationTest extends ConversationContract {

  @Override
  protected Storage openStorage() {
    return TestH2.file();
  }
}
