package dev.convostore.adapter.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SqlSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What H2 reports becomes a typed error that says what happened, without SQL or credentials. */
class H2ErrorsTest {

  private static final UserId ALICE = UserId.of("alice");

  @RegisterExtension final H2File file = new H2File();

  private static UseCases useCases(Storage storage) {
    return UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
  }

  private static void assertSaysNoSqlNorSecret(StoreFailureException error, String secret) {
    assertFalse(error.getMessage().matches("(?s).*\\b(SELECT|UPDATE|INSERT)\\b.*"), error.getMessage());
    assertFalse(error.getMessage().contains(secret), error.getMessage());
  }

  /** A connection whose open transaction holds the conversation's row. */
  private Connection lockedRow(Conversation conversation, String password) throws SQLException {
    Connection other = DriverManager.getConnection(file.url(), "sa", password);
    other.setAutoCommit(false);
    try (PreparedStatement lock = other.prepareStatement("UPDATE conversations SET version = version WHERE id = ?")) {
      lock.setObject(1, conversation.id().value());
      lock.executeUpdate();
    }
    return other;
  }

  @Test
  void aRowLockedByAnotherTransactionPastTheLockTimeoutIsBusyAndNothingIsHalfWritten() throws SQLException {
    try (Storage storage = TestH2.open(file.url(), Map.of(H2Settings.LOCK_TIMEOUT, "200", SqlSettings.PASSWORD, "p-secret"))) {
      UseCases store = useCases(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      try (Connection other = lockedRow(conversation, "p-secret")) {

        StoreFailureException busy = assertThrows(StoreFailureException.class,
            () -> store.messages().append(ALICE, conversation.id(), NewMessage.user("waits for the row")));
        assertEquals(Kind.BUSY, busy.kind());
        assertTrue(busy.retryable());
        assertSaysNoSqlNorSecret(busy, "secret");
        other.rollback();
      }
      assertEquals(0, store.conversations().get(ALICE, conversation.id()).messageCount());
      store.messages().append(ALICE, conversation.id(), NewMessage.user("the retry works"));
      assertEquals(1, store.conversations().get(ALICE, conversation.id()).messageCount());
    }
  }

  @Test
  void aFileHeldByAnotherProcessIsUnavailableAndSaysSo() throws Exception {
    TestH2.open(file.url(), Map.of()).close();
    Path holder = file.folder().resolve("Holder.java");
    Files.writeString(holder, """
        public class Holder {
          public static void main(String[] args) throws Exception {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(args[0], "sa", "")) {
              System.out.println("holding");
              System.out.flush();
              Thread.sleep(60_000);
            }
          }
        }
        """);
    String h2Jar = Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2Jar, holder.toString(), file.url())
        .redirectErrorStream(true).start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("holding", output.readLine());

      StoreFailureException held = assertThrows(StoreFailureException.class, () -> TestH2.open(file.url(), Map.of()));
      assertEquals(Kind.UNAVAILABLE, held.kind());
      assertTrue(held.getMessage().contains("open in another process"), held.getMessage());
      assertSaysNoSqlNorSecret(held, "secret");
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Storage reopened = TestH2.open(file.url(), Map.of())) {
      assertTrue(useCases(reopened).conversations().start(StartConversation.by(ALICE)) != null);
    }
  }

  @Test
  void aWrongPasswordIsRefusedSettingsAndTheMessageHoldsNoPassword() {
    TestH2.open(file.url(), Map.of(SqlSettings.PASSWORD, "right-secret")).close();

    StoreFailureException refused = assertThrows(StoreFailureException.class,
        () -> TestH2.open(file.url(), Map.of(SqlSettings.PASSWORD, "wrong-secret")));
    assertEquals(Kind.REFUSED_SETTINGS, refused.kind());
    assertFalse(refused.retryable());
    assertSaysNoSqlNorSecret(refused, "secret");
  }

  @Test
  void aCallFindingNoFreeConnectionWithinTheConnectionTimeoutIsATimeoutNotAHang() throws Exception {
    Map<String, String> settings = Map.of(SqlSettings.POOL_SIZE, "1", SqlSettings.CONNECTION_TIMEOUT, "250");
    try (Storage storage = TestH2.open(file.url(), settings)) {
      UseCases store = useCases(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      try (Connection other = lockedRow(conversation, "")) {
        // the append takes the pool's only connection and waits for the row
        CompletableFuture<?> append = CompletableFuture.runAsync(
            () -> store.messages().append(ALICE, conversation.id(), NewMessage.user("waits for the row")));
        Thread.sleep(500);

        StoreFailureException timeout = assertThrows(StoreFailureException.class,
            () -> store.conversations().list(ListConversations.of(ALICE, 10)));
        assertEquals(Kind.TIMEOUT, timeout.kind());
        assertTrue(timeout.retryable());
        other.rollback();
        append.get(10, TimeUnit.SECONDS);
      }
      assertEquals(1, store.conversations().get(ALICE, conversation.id()).messageCount());
    }
  }
}
