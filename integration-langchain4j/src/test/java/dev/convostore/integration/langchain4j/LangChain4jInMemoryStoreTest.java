package dev.convostore.integration.langchain4j;

import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;

/** LangChain4j's own store passes the contract: the contract is LangChain4j's. */
class LangChain4jInMemoryStoreTest extends ChatMemoryStoreContract {

  @Override
  ChatMemoryStore newStore() {
    return new InMemoryChatMemoryStore();
  }
}
