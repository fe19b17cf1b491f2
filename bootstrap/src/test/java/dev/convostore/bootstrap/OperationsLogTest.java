package dev.convostore.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.convostore.application.contract.CapturedLog;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import org.junit.jupiter.api.Test;

/** A slow call is logged at INFO and a retry at DEBUG (slf4j-simple writes both to standard error here), without the call's data. */
class OperationsLogTest {

  @Test
  void aCallSlowerThanTheThresholdIsOneInfoLineWithoutItsData() {
    try (ConvoStore store = ConvoStore.open(TestProperties.of("convostore.url", "memory:", "convostore.slow-call-ms", "1"))) {
      UserId alice = UserId.of("alice");
      ConversationId id = store.conversations().start(StartConversation.by(alice)).id();
      String log = CapturedLog.of(() -> store.messages().append(alice, id, NewMessage.user("lighthouse ".repeat(90_000))));
      assertEquals(1, log.lines()
          .filter(line -> line.matches(".*INFO .*Slow convostore call: messages.append took \\d+ ms.*")).count(), log);
      assertFalse(log.contains("lighthouse"), "the content stays out of the log");
    }
  }

  @Test
  void aRetryIsOneDebugLine() {
    Operations operations = new Operations(java.time.Duration.ofSeconds(1), Monitor.NONE);
    String log = CapturedLog.of(() -> operations.retrying("conversations.rename", 2));
    assertEquals(1, log.lines()
        .filter(line -> line.matches(".*DEBUG .*Retrying conversations.rename after a concurrent change \\(attempt 2\\)")).count(),
        log);
  }
}
