package dev.convostore.integration.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.UserMessage;

/** The README's Spring AI example, kept compiling and true. */
class ReadmeExampleTest {

  @TempDir Path folder;

  @Test
  void readmeExampleWorks() {
    try (ConvoStore store = ConvoStore.open("jdbc:sqlite:" + folder.resolve("chat.db"))) {
      ChatMemory memory = MessageWindowChatMemory.builder()
          .chatMemoryRepository(ConvostoreChatMemoryRepository.builder(store).user(UserId.of("assistant")).build())
          .maxMessages(20)
          .build();

      memory.add("trip", new UserMessage("Where should I go in May?"));
      assertEquals(List.of(new UserMessage("Where should I go in May?")), memory.get("trip"));
    }
  }
}
