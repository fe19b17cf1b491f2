package dev.convostore.integration.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's LangChain4j example, kept compiling and true. */
class ReadmeExampleTest {

  @TempDir Path folder;

  @Test
  void readmeExampleWorks() {
    try (ConvoStore store = ConvoStore.open("jdbc:sqlite:" + folder.resolve("chat.db"))) {
      ConvostoreChatMemoryStore memories = ConvostoreChatMemoryStore.builder(store).user(UserId.of("assistant")).build();
      ChatMemoryProvider chatMemoryProvider = memoryId -> MessageWindowChatMemory.builder()
          .id(memoryId)
          .maxMessages(20)
          .chatMemoryStore(memories)
          .build();

      chatMemoryProvider.get("trip").add(UserMessage.from("Where should I go in May?"));
      assertEquals(List.of(UserMessage.from("Where should I go in May?")), chatMemoryProvider.get("trip").messages());
    }
  }
}
