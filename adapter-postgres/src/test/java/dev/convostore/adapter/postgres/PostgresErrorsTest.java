package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import dev.convostore.sql.SqlSettings;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** What callers see when PostgreSQL fails: the application's error kinds, in words without SQL. */
class PostgresErrorsTest {

  private static final UserId ALICE = UserId.of("alice");

  private static StoreFailureException translated(String sqlState) {
    PSQLException driver = new PSQLException("ERROR: details near \"SELECT\"", PSQLState.UNKNOWN_STATE) {
      private static final long serialVersionUID = 1L;

      @Override
      public String getSQLState() {
        return sqlState;
      }
    };
    ConvostoreException error = PostgresErrors.translate(new PersistenceException("### SQL: SELECT 1", driver));
    assertTrue(error instanceof StoreFailureException, error.toString());
    assertFalse(error.getMessage().contains("SELECT"), error.getMessage());
    assertSame(driver, error.getCause(), "the driver's exception is kept for the host's logs");
    return (StoreFailureException) error;
  }

  @Test
  void eachFamilyOfSqlStatesHasItsKind() {
    assertEquals(Kind.UNAVAILABLE, translated("08006").kind()); // connection failure
    assertEquals(Kind.UNAVAILABLE, translated("57P01").kind()); // terminated by an administrator
    assertEquals(Kind.UNAVAILABLE, translated("53300").kind()); // too many connections
    assertEquals(Kind.REFUSED_SETTINGS, translated("28P01").kind()); // wrong password
    assertEquals(Kind.REFUSED_SETTINGS, translated("3D000").kind()); // no such database
    assertEquals(Kind.TIMEOUT, translated("57014").kind()); // statement timeout
    assertEquals(Kind.BUSY, translated("40001").kind()); // serialization failure
    assertEquals(Kind.BUSY, translated("40P01").kind()); // deadlock
    assertEquals(Kind.CORRUPT, translated("XX001").kind());
    assertEquals(Kind.INTERNAL, translated("23505").kind()); // a constraint the adapter should have kept
    assertEquals(Kind.INTERNAL, translated("42P01").kind()); // no such table
    assertTrue(translated("40001").retryable());
    assertFalse(translated("23505").retryable());
  }

  @Test
  void settingsTheServerRefusesSayWhichAndAreNotRetryable() {
    String server = TestPostgres.serverUrl();
    String noDatabase = server.replaceFirst("(//[^/]+/)[^?]*", "$1no_such_database_here");
    String unknownUser = server.replaceAll("([?&])user=[^&]*", "$1") + (server.contains("?") ? "&" : "?")
        + "user=nobody_here&password=wrong";
    // a certificate to verify the server against that cannot be read: refused with or without TLS on the server
    String tls = server + (server.contains("?") ? "&" : "?") + "sslmode=verify-full&sslrootcert=no-such-root.crt";
    StorageProvider provider = new PostgresStorageProvider();

    for (var expected : Map.of(noDatabase, "does not exist", unknownUser, "credentials", tls, "TLS").entrySet()) {
      StoreFailureException refused = assertThrows(StoreFailureException.class,
          () -> provider.open(new StoreSettings(expected.getKey(), StoreLimits.DEFAULTS, Map.of())));
      assertEquals(Kind.REFUSED_SETTINGS, refused.kind(), refused.getMessage());
      assertFalse(refused.retryable());
      assertTrue(refused.getMessage().contains(expected.getValue()), refused.getMessage());
    }
  }

  @Test
  void anUnreachableServerIsUnavailableWithinTheConnectionTimeout() {
    StorageProvider provider = new PostgresStorageProvider();
    long started = System.nanoTime();

    StoreFailureException refused = assertThrows(StoreFailureException.class, () -> provider.open(new StoreSettings(
        "jdbc:postgresql://127.0.0.1:1/convostore", StoreLimits.DEFAULTS,
        Map.of(SqlSettings.CONNECTION_TIMEOUT, "1000"))));

    assertEquals(Kind.UNAVAILABLE, refused.kind());
    assertTrue(refused.retryable());
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "refused in time");
  }

  @Test
  void aStatementOutlastingTheStatementTimeoutIsATimeoutAndStoresNothing() throws Exception {
    String schema = TestPostgres.newSchema();
    try (Storage storage = TestPostgres.openIn(schema, Map.of(PostgresSettings.STATEMENT_TIMEOUT, "300"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));

      try (Connection other = TestPostgres.admin(); Statement statement = other.createStatement()) {
        other.setAutoCommit(false);
        statement.execute(TestPostgres.lockRow(schema, conversation)); // another writer holds the row
        StoreFailureException timeout = assertThrows(StoreFailureException.class,
            () -> store.messages().append(ALICE, conversation.id(), NewMessage.user("blocked")));
        assertEquals(Kind.TIMEOUT, timeout.kind());
        other.rollback();
      }

      store.messages().append(ALICE, conversation.id(), NewMessage.user("after"));
      assertEquals(List.of("after"), store.history().history(ALICE, conversation.id(), HistoryRequest.last(10))
          .stream().map(m -> m.content()).toList());
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aCallFindingNoFreeConnectionInTimeIsATimeout() throws Exception {
    String schema = TestPostgres.newSchema();
    try (Storage storage = TestPostgres.openIn(schema,
        Map.of(SqlSettings.POOL_SIZE, "1", SqlSettings.CONNECTION_TIMEOUT, "300"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      try (Connection other = TestPostgres.admin(); Statement statement = other.createStatement()) {
        other.setAutoCommit(false);
        statement.execute(TestPostgres.lockRow(schema, conversation));
        CompletableFuture<?> holdsTheOnlyConnection = CompletableFuture.runAsync(
            () -> store.messages().append(ALICE, conversation.id(), NewMessage.user("waits for the row")));
        Thread.sleep(200);

        StoreFailureException timeout = assertThrows(StoreFailureException.class,
            () -> store.conversations().get(ALICE, conversation.id()));
        assertEquals(Kind.TIMEOUT, timeout.kind());
        assertTrue(timeout.retryable());

        other.commit();
        holdsTheOnlyConnection.get(10, TimeUnit.SECONDS);
      }
      assertEquals(1, store.conversations().get(ALICE, conversation.id()).messageCount());
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aBackendTerminatedMidCallIsUnavailableTheRetryStoresOnceAndThePoolRecovers() throws Exception {
    String schema = TestPostgres.newSchema();
    try (Storage storage = TestPostgres.openIn(schema, Map.of(SqlSettings.POOL_SIZE, "2"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      NewMessage message = NewMessage.user("exactly once").withId(MessageId.newId());
      try (Connection other = TestPostgres.admin(); Statement statement = other.createStatement()) {
        other.setAutoCommit(false);
        statement.execute(TestPostgres.lockRow(schema, conversation));
        CompletableFuture<?> append = CompletableFuture.runAsync(
            () -> store.messages().append(ALICE, conversation.id(), message));
        TestPostgres.terminateTheStoresBusyBackend();
        other.rollback();
        Throwable failure = assertThrows(Exception.class, () -> append.get(10, TimeUnit.SECONDS)).getCause();
        assertTrue(failure instanceof StoreFailureException, String.valueOf(failure));
        assertEquals(Kind.UNAVAILABLE, ((StoreFailureException) failure).kind());
      }

      store.messages().append(ALICE, conversation.id(), message);
      store.messages().append(ALICE, conversation.id(), message);
      assertEquals(List.of("exactly once"), store.history().history(ALICE, conversation.id(), HistoryRequest.last(10))
          .stream().map(m -> m.content()).toList());
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void theProviderIsFoundForPostgresUrlsAndChecksItsSettings() {
    StorageProvider found = ServiceLoader.load(StorageProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(candidate -> candidate.accepts("jdbc:postgresql://db/chat"))
        .findFirst()
        .orElseThrow();
    assertEquals("postgres", found.name());
    assertFalse(found.accepts("jdbc:sqlite:chat.db"));

    String url = "jdbc:postgresql://127.0.0.1:1/convostore";
    ValidationException misspelt = assertThrows(ValidationException.class, () -> found.open(
        new StoreSettings(url, StoreLimits.DEFAULTS, Map.of("convostore.statement-timeout", "5"))));
    assertEquals("convostore.statement-timeout", misspelt.field());
    assertEquals(SqlSettings.POOL_SIZE, assertThrows(ValidationException.class, () -> found.open(
        new StoreSettings(url, StoreLimits.DEFAULTS, Map.of(SqlSettings.POOL_SIZE, "0")))).field());
    assertFalse(PostgresSettings.from(new StoreSettings(url, StoreLimits.DEFAULTS,
        Map.of(SqlSettings.PASSWORD, "secret"))).toString().contains("secret"));
  }
}
