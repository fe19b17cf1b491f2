package dev.convostore.integration.springai;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.memory.ChatMemoryRepository;

class ConvostoreRepositoryOnSqliteTest extends ChatMemoryRepositoryContract {

  @TempDir
  Path folder;

  private ConvoStore store;

  @Override
  ChatMemoryRepository newRepository() {
    store = TestStores.sqlite(folder);
    return ConvostoreChatMemoryRepository.builder(store).user(UserId.of("alice")).build();
  }

  @AfterEach
  void close() {
    store.close();
  }
}
