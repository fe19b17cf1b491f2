package dev.convostore.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Micrometer, when the host hands over its registries: one observation per use-case call, and the counters. */
class MonitoringTest {

  private static final UserId ALICE = UserId.of("alice");

  private static String key(Observation.Context context, String key) {
    return context.getLowCardinalityKeyValue(key).getValue();
  }

  @Test
  void eachUseCaseCallIsOneObservationWithTheDocumentedKeys(@TempDir Path folder) {
    TestObservationRegistry observations = TestObservationRegistry.create();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ConversationId id;
    try (ConvoStore store = ConvoStore.with(TestProperties.of("convostore.url", "jdbc:sqlite:" + folder.resolve("chat.db")))
        .observationRegistry(observations).meterRegistry(meters).open()) {
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      id = conversation.id();
      store.messages().append(AppendMessages.of(ALICE, id, NewMessage.user("one"), NewMessage.assistant("two")));
      store.messages().append(ALICE, id, NewMessage.user("three"));
      store.history().history(ALICE, id, HistoryRequest.last(10));
      assertThrows(ConflictException.class, () -> store.conversations().rename(ALICE, id, "late", OptionalLong.of(99)));
      assertThrows(NotFoundException.class, () -> store.conversations().get(ALICE, ConversationId.newId()));
      assertEquals(1, meters.get("hikaricp.connections.max").tag("pool", "convostore-sqlite-writer").gauge().value(),
          "the store's pools report through HikariCP's own tracker");
    }

    List<String> seen = new ArrayList<>();
    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("convostore.operation", 6)
        .hasHandledContextsThatSatisfy(contexts -> contexts.forEach(context -> {
          assertEquals("sqlite", key(context, "store"));
          seen.add(key(context, "operation") + " " + key(context, "outcome"));
        }))
        .hasAnObservationWithAKeyValue("conversation.id", id.toString());
    assertEquals(List.of("conversations.start success", "messages.append success", "messages.append success",
        "history.history success", "conversations.rename conflict", "conversations.get not_found"), seen);
    TestObservationRegistryAssert.assertThat(observations).hasAnObservation(observation -> observation
        .hasLowCardinalityKeyValue("outcome", "conflict").assertThatError().isInstanceOf(ConflictException.class));

    assertEquals(3, meters.get("convostore.messages.appended").tag("store", "sqlite").counter().count());
    assertEquals(1, meters.get("convostore.conflicts").tag("operation", "conversations.rename").counter().count());
  }

  @Test
  void retriesAreCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Operations operations = new Operations(Duration.ofSeconds(1), new MicrometerMonitor("memory", null, meters));
    operations.retrying("conversations.rename", 2);
    operations.retrying("conversations.rename", 3);
    assertEquals(2, meters.get("convostore.retries").tag("operation", "conversations.rename").counter().count());
  }
}
