package dev.convostore.integration.langchain4j;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class ConvostoreStoreOnSqliteTest extends ChatMemoryStoreContract {

  @TempDir
  Path folder;

  private ConvoStore convoStore;

  @Override
  ChatMemoryStore newStore() {
    convoStore = TestStores.sqlite(folder);
    return ConvostoreChatMemoryStore.builder(convoStore).user(UserId.of("alice")).build();
  }

  @AfterEach
  void close() {
    convoStore.close();
  }
}
