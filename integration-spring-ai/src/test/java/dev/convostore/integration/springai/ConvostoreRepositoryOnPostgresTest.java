package dev.convostore.integration.springai;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.springframework.ai.chat.memory.ChatMemoryRepository;

class ConvostoreRepositoryOnPostgresTest extends ChatMemoryRepositoryContract {

  private ConvoStore store;

  @Override
  ChatMemoryRepository newRepository() {
    store = TestStores.postgres();
    return ConvostoreChatMemoryRepository.builder(store).user(UserId.of("alice")).build();
  }

  @AfterEach
  void close() {
    store.close();
  }
}
