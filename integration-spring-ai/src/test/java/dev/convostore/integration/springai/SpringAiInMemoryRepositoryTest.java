package dev.convostore.integration.springai;

import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;

/** Spring AI's own repository passes the contract: the contract is Spring AI's. */
class SpringAiInMemoryRepositoryTest extends ChatMemoryRepositoryContract {

  @Override
  ChatMemoryRepository newRepository() {
    return new InMemoryChatMemoryRepository();
  }
}
