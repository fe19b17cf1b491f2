package dev.convostore.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A slow call is logged at INFO and a retry at DEBUG (slf4j-simple writes both to standard error here), without the call's data. */
class OperationsLogTest {

  private static String logOf(Runnable work) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCallSlowerThanTheThresholdIsOneInfoLineWithoutItsData() {
    Properties properties = new Properties();
    properties.setProperty("convostore.url", "memory:");
    properties.setProperty("convostore.slow-call-ms", "1");
    try (ConvoStore store = ConvoStore.open(properties)) {
      UserId alice = UserId.of("alice");
      ConversationId id = store.conversations().start(StartConversation.by(alice)).id();
      String log = logOf(() -> store.messages().append(alice, id, NewMessage.user("lighthouse ".repeat(90_000))));
      assertEquals(1, log.lines()
          .filter(line -> line.matches(".*INFO .*Slow convostore call: messages.append took \\d+ ms.*")).count(), log);
      assertFalse(log.contains("lighthouse"), "the content stays out of the log");
    }
  }

  @Test
  void aRetryIsOneDebugLine() {
    Operations operations = new Operations(java.time.Duration.ofSeconds(1), Monitor.NONE);
    String log = logOf(() -> operations.retrying("conversations.rename", 2));
    assertEquals(1, log.lines()
        .filter(line -> line.matches(".*DEBUG .*Retrying conversations.rename after a concurrent change \\(attempt 2\\)")).count(),
        log);
  }
}
