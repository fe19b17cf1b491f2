package dev.convostore.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.port.in.StartConversation;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Spring Boot application that only adds the starter and a URL: it stores and reads a conversation. */
@SpringBootTest(classes = StarterApplicationTest.Application.class)
class StarterApplicationTest {

  private static final Path FOLDER = newFolder();

  @SpringBootApplication
  static class Application { }

  @DynamicPropertySource
  static void storeFile(DynamicPropertyRegistry registry) {
    registry.add("convostore.url", () -> "jdbc:sqlite:" + FOLDER.resolve("application.db"));
  }

  @Autowired ConvoStore store;

  @Test
  void storesAndReadsAConversation() {
    UserId alice = UserId.of("alice");
    ConversationId id = store.conversations().start(StartConversation.by(alice).titled("From Spring Boot")).id();
    store.messages().append(alice, id, NewMessage.user("Hello from the application"));

    List<Message> history = store.history().history(alice, id, HistoryRequest.last(10));
    assertEquals(List.of("Hello from the application"), history.stream().map(Message::content).toList());
    assertEquals("sqlite", store.adapter());
  }

  private static Path newFolder() {
    try {
      return Files.createTempDirectory("convostore-starter-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void deleteFolder() throws IOException {
    try (var files = Files.walk(FOLDER)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
