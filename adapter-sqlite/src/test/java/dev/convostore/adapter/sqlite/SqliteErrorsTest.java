package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SqlSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What callers see when SQLite fails: the application's error kinds, in words without SQL. */
class SqliteErrorsTest {

  private static final UserId ALICE = UserId.of("alice");

  @RegisterExtension final SqliteFile file = new SqliteFile();

  private static StoreFailureException translated(SQLiteErrorCode code) {
    SQLiteException driver = new SQLiteException("[" + code.name() + "] near \"SELECT\": details", code);
    ConvostoreException error = SqliteErrors.translate(new PersistenceException("### SQL: SELECT 1", driver));
    assertTrue(error instanceof StoreFailureException, error.toString());
    assertFalse(error.getMessage().contains("SELECT"), error.getMessage());
    assertSame(driver, error.getCause(), "the driver's exception is kept for the host's logs");
    return (StoreFailureException) error;
  }

  @Test
  void eachFamilyOfSqliteErrorsHasItsKind() {
    assertEquals(Kind.BUSY, translated(SQLiteErrorCode.SQLITE_BUSY).kind());
    assertEquals(Kind.BUSY, translated(SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE).kind());
    assertEquals(Kind.CORRUPT, translated(SQLiteErrorCode.SQLITE_CORRUPT).kind());
    assertEquals(Kind.CORRUPT, translated(SQLiteErrorCode.SQLITE_NOTADB).kind());
    assertEquals(Kind.UNAVAILABLE, translated(SQLiteErrorCode.SQLITE_IOERR_WRITE).kind());
    assertEquals(Kind.UNAVAILABLE, translated(SQLiteErrorCode.SQLITE_FULL).kind());
    assertEquals(Kind.UNAVAILABLE, translated(SQLiteErrorCode.SQLITE_READONLY).kind());
    assertEquals(Kind.UNAVAILABLE, translated(SQLiteErrorCode.SQLITE_CANTOPEN).kind());
    assertEquals(Kind.INTERNAL, translated(SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK).kind());
    assertEquals(Kind.INTERNAL, translated(SQLiteErrorCode.SQLITE_ERROR).kind());
    assertTrue(translated(SQLiteErrorCode.SQLITE_BUSY).retryable());
    assertFalse(translated(SQLiteErrorCode.SQLITE_CORRUPT).retryable());
  }

  @Test
  void aPoolThatHasNoFreeConnectionInTimeIsATimeout() {
    SQLTransientConnectionException pool = new SQLTransientConnectionException("convostore-sqlite-writer - timed out");
    StoreFailureException error = (StoreFailureException) SqliteErrors.translate(new PersistenceException(pool));

    assertEquals(Kind.TIMEOUT, error.kind());
    assertTrue(error.retryable());
  }

  @Test
  void applicationErrorsPassThroughUnchanged() {
    NotFoundException notFound = new NotFoundException("conversation", "x");

    assertSame(notFound, SqliteErrors.translate(new PersistenceException(notFound)));
  }

  @Test
  void aWriterInAnotherProcessHoldingTheLockPastTheBusyTimeoutIsBusyAndNothingIsHalfWritten() throws SQLException {
    try (Storage storage = file.open(Map.of(SqliteSettings.BUSY_TIMEOUT, "200"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("before"));

      try (Connection other = DriverManager.getConnection(file.url()); Statement statement = other.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
        StoreFailureException busy = assertThrows(StoreFailureException.class,
            () -> store.messages().append(ALICE, conversation.id(), NewMessage.user("during")));
        assertEquals(Kind.BUSY, busy.kind());
        assertTrue(busy.retryable());
        assertEquals(1, store.history().history(ALICE, conversation.id(), HistoryRequest.last(10)).size(),
            "readers go on while another process writes");
        statement.execute("COMMIT");
      }

      store.messages().append(ALICE, conversation.id(), NewMessage.user("after"));
      assertEquals(java.util.List.of("before", "after"), store.history()
          .history(ALICE, conversation.id(), HistoryRequest.last(10)).stream().map(m -> m.content()).toList());
    }
  }

  @Test
  void aWriteFindingTheWriterTakenPastTheConnectionTimeoutIsATimeoutNotAHang() throws Exception {
    try (Storage storage = file.open(Map.of(SqliteSettings.BUSY_TIMEOUT, "5000", SqlSettings.CONNECTION_TIMEOUT, "300"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));

      try (Connection other = DriverManager.getConnection(file.url()); Statement statement = other.createStatement()) {
        statement.execute("BEGIN IMMEDIATE"); // another process writes: our writer waits in its busy timeout
        CompletableFuture<?> holdsTheWriter = CompletableFuture.runAsync(
            () -> store.messages().append(ALICE, conversation.id(), NewMessage.user("first")));
        Thread.sleep(200);

        long started = System.nanoTime();
        StoreFailureException timeout = assertThrows(StoreFailureException.class,
            () -> store.messages().append(ALICE, conversation.id(), NewMessage.user("second")));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(Kind.TIMEOUT, timeout.kind());
        assertTrue(timeout.retryable());
        assertTrue(waitedMillis >= 250 && waitedMillis < 2_000, "refused after " + waitedMillis + " ms");

        statement.execute("COMMIT");
        holdsTheWriter.get(10, TimeUnit.SECONDS);
      }
      store.messages().append(ALICE, conversation.id(), NewMessage.user("second"));
      assertEquals(java.util.List.of("first", "second"), store.history()
          .history(ALICE, conversation.id(), HistoryRequest.last(10)).stream().map(m -> m.content()).toList());
    }
  }

  @Test
  void connectionsUseWalForeignKeysNormalSyncAndTheBusyTimeout() throws SQLException {
    file.open(Map.of()).close();
    SqliteSettings settings = SqliteSettings.from(new StoreSettings(file.url(), StoreLimits.DEFAULTS,
        Map.of(SqliteSettings.BUSY_TIMEOUT, "1234")));
    try (Connection connection = SqliteDatabase.dataSource(settings).getConnection();
        Statement statement = connection.createStatement()) {
      assertEquals("wal", pragma(statement, "journal_mode"));
      assertEquals("1", pragma(statement, "foreign_keys"));
      assertEquals("1", pragma(statement, "synchronous"), "NORMAL");
      assertEquals("1234", pragma(statement, "busy_timeout"));
    }
  }

  private static String pragma(Statement statement, String name) throws SQLException {
    try (ResultSet result = statement.executeQuery("PRAGMA " + name)) {
      result.next();
      return result.getString(1);
    }
  }
}
