package dev.convostore.integration.langchain4j;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import org.junit.jupiter.api.AfterEach;

class ConvostoreStoreOnPostgresTest extends ChatMemoryStoreContract {

  private ConvoStore convoStore;

  @Override
  ChatMemoryStore newStore() {
    convoStore = TestStores.postgres();
    return ConvostoreChatMemoryStore.builder(convoStore).user(UserId.of("alice")).build();
  }

  @AfterEach
  void close() {
    convoStore.close();
  }
}
