package dev.convostore.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvoStoreTest {

  private static final UserId ALICE = UserId.of("alice");

  @Test
  void opensAMemoryStoreFoundThroughServiceLoader() {
    try (ConvoStore store = ConvoStore.open("memory:")) {
      assertEquals("memory", store.adapter());
      Conversation c = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, c.id(), NewMessage.user("Hello!"));
      assertEquals("Hello!", store.history().history(ALICE, c.id(), HistoryRequest.last(1)).get(0).content());
    }
  }

  @Test
  void opensASqliteFileThatKeepsItsDataAcrossOpens(@TempDir Path folder) {
    String url = "jdbc:sqlite:" + folder.resolve("chat.db");
    ConversationId id;
    try (ConvoStore store = ConvoStore.open(url)) {
      assertEquals("sqlite", store.adapter());
      id = store.conversations().start(StartConversation.by(ALICE)).id();
      store.messages().append(ALICE, id, NewMessage.user("Remember me"));
    }
    try (ConvoStore store = ConvoStore.open(url)) {
      assertEquals("Remember me", store.history().history(ALICE, id, HistoryRequest.last(1)).get(0).content());
    }
  }

  @Test
  void aClosedStoreSaysSo(@TempDir Path folder) {
    ConvoStore store = ConvoStore.open("jdbc:sqlite:" + folder.resolve("chat.db"));
    ConversationId id = store.conversations().start(StartConversation.by(ALICE)).id();
    store.close();
    store.close();
    IllegalStateException closed = assertThrows(IllegalStateException.class,
        () -> store.history().history(ALICE, id, HistoryRequest.last(1)));
    assertEquals("this convostore store is closed: history.history needs an open one", closed.getMessage());
  }

  @Test
  void aMemoryStoreRefusesSettingsAsTheSqlStoresDo() {
    ValidationException poolSize = assertThrows(ValidationException.class, () -> ConvoStore.open(TestProperties.of(
        "convostore.url", "memory:", "convostore.pool-size", "2")));
    assertEquals("convostore.pool-size", poolSize.field());
    assertTrue(poolSize.getMessage().contains("memory"), poolSize.getMessage());
  }

  @Test
  void adapterSettingsReachTheAdapter(@TempDir Path folder) {
    ValidationException misspelt = assertThrows(ValidationException.class, () -> ConvoStore.open(TestProperties.of(
        "convostore.url", "jdbc:sqlite:" + folder.resolve("chat.db"), "convostore.pool-sise", "2")));
    assertEquals("convostore.pool-sise", misspelt.field());

    try (ConvoStore store = ConvoStore.open(TestProperties.of(
        "convostore.url", "jdbc:sqlite:" + folder.resolve("chat.db"), "convostore.pool-size", "2",
        "convostore.busy-timeout-ms", "1000", "convostore.connection-timeout-ms", "2000",
        "convostore.migrate-on-open", "true"))) {
      assertEquals("sqlite", store.adapter());
    }
  }

  @Test
  void postgresUrlsReachThePostgresAdapter() {
    StoreFailureException unreachable = assertThrows(StoreFailureException.class, () -> ConvoStore.open(TestProperties.of(
        "convostore.url", "jdbc:postgresql://127.0.0.1:1/convostore", "convostore.connection-timeout-ms", "1000")));
    assertEquals(StoreFailureException.Kind.UNAVAILABLE, unreachable.kind());
    assertTrue(unreachable.getMessage().contains("PostgreSQL"), unreachable.getMessage());
  }

  @Test
  void everyOpenOfMemoryIsANewStore() {
    try (ConvoStore one = ConvoStore.open("memory:"); ConvoStore two = ConvoStore.open("memory:")) {
      one.conversations().start(StartConversation.by(ALICE));
      assertTrue(two.conversations().list(ListConversations.of(ALICE, 10)).conversations().isEmpty());
    }
  }

  @Test
  void unknownUrlNamesTheInstalledAdapters() {
    ValidationException error = assertThrows(ValidationException.class, () -> ConvoStore.open("mongodb://x"));
    assertEquals("convostore.url", error.field());
    assertTrue(error.getMessage().contains("[h2, memory, postgres, sqlite]"), error.getMessage());
  }

  @Test
  void missingUrlIsRejected() {
    ValidationException error = assertThrows(ValidationException.class, () -> ConvoStore.open(TestProperties.of()));
    assertEquals("convostore.url", error.field());
  }

  @Test
  void limitsComeFromProperties() {
    try (ConvoStore store = ConvoStore.open(TestProperties.of(
        "convostore.url", "memory:", "convostore.max-content-length", "10"))) {
      Conversation c = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, c.id(), NewMessage.user("0123456789"));
      ValidationException error = assertThrows(ValidationException.class,
          () -> store.messages().append(ALICE, c.id(), NewMessage.user("0123456789!")));
      assertEquals("messages[0].content", error.field());
    }
  }

  @Test
  void malformedLimitsNameTheirKey() {
    ValidationException notANumber = assertThrows(ValidationException.class, () -> ConvoStore.open(TestProperties.of(
        "convostore.url", "memory:", "convostore.max-json-bytes", "lots")));
    assertEquals("convostore.max-json-bytes", notANumber.field());
    ValidationException negative = assertThrows(ValidationException.class, () -> ConvoStore.open(TestProperties.of(
        "convostore.url", "memory:", "convostore.max-batch-size", "-1")));
    assertEquals("convostore.max-batch-size", negative.field());
  }

  @Test
  void instancesWithTheSameCursorSecretServeEachOthersCursors(@TempDir Path folder) {
    String url = "jdbc:sqlite:" + folder.resolve("chat.db");
    String secret = "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    try (ConvoStore first = ConvoStore.open(TestProperties.of("convostore.url", url, "convostore.cursor-secret", secret));
        ConvoStore second = ConvoStore.open(TestProperties.of("convostore.url", url, "convostore.cursor-secret", secret));
        ConvoStore unconfigured = ConvoStore.open(url)) {
      first.conversations().start(StartConversation.by(ALICE));
      first.conversations().start(StartConversation.by(ALICE));
      String cursor = first.conversations().list(ListConversations.of(ALICE, 1)).nextCursor().orElseThrow();

      assertEquals(1, second.conversations().list(ListConversations.of(ALICE, 1).after(cursor)).conversations().size());
      ValidationException refused = assertThrows(ValidationException.class,
          () -> unconfigured.conversations().list(ListConversations.of(ALICE, 1).after(cursor)));
      assertEquals("cursor", refused.field());
    }
  }

  @Test
  void aShortCursorSecretIsRefused() {
    ValidationException error = assertThrows(ValidationException.class, () -> ConvoStore.open(TestProperties.of(
        "convostore.url", "memory:", "convostore.cursor-secret", "too short")));
    assertEquals("convostore.cursor-secret", error.field());
  }

  @Test
  void adapterKeysAreHandedOnAndOthersAreNot() {
    assertEquals(java.util.Map.of("convostore.pool-size", "4"), StoreConfig.adapterProperties(TestProperties.of(
        "convostore.url", "memory:", "convostore.pool-size", "4", "convostore.max-batch-size", "5",
        "convostore.cursor-secret", "x", "other", "x")));
  }

  @Test
  void theClockCanBeGiven() {
    Instant fixed = Instant.parse("2030-01-02T03:04:05.678901Z");
    try (ConvoStore store = ConvoStore.open(TestProperties.of("convostore.url", "memory:"), Clock.fixed(fixed, ZoneOffset.UTC))) {
      assertEquals(fixed, store.conversations().start(StartConversation.by(ALICE)).createdAt());
    }
  }
}
