package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SqlSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the server under a working store: a backend terminated in the middle of a transaction,
 * the server stopped and started again, a server that accepts connections and never answers. Each
 * gives the caller a typed error, the pool recovers, and a retry with the same client message ids
 * stores each message exactly once.
 */
class PostgresFaultsTest {

  private static final UserId ALICE = UserId.of("alice");

  @Test
  void aBackendTerminatedMidTransactionIsUnavailableAndTheRetryStoresEachMessageOnce() throws Exception {
    String schema = TestPostgres.newSchema();
    try (Storage storage = TestPostgres.openIn(schema, Map.of(SqlSettings.POOL_SIZE, "2"))) {
      UseCases store = store(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      AppendMessages batch = AppendMessages.of(ALICE, conversation.id(), batchWithIds("one", "two", "three"));

      for (AppendMessages attempt : List.of(batch, AppendMessages.of(ALICE, conversation.id(), NewMessage.user("no id")))) {
        try (Connection other = TestPostgres.admin(); Statement statement = other.createStatement()) {
          other.setAutoCommit(false);
          statement.execute(TestPostgres.lockRow(schema, conversation)); // the append waits here
          CompletableFuture<List<Message>> append = CompletableFuture.supplyAsync(() -> store.messages().append(attempt));
          TestPostgres.terminateTheStoresBusyBackend();
          StoreFailureException error = failure(append);
          assertEquals(Kind.UNAVAILABLE, error.kind());
          assertTrue(error.retryable());
          other.rollback();
        }
      }

      assertEquals(List.of(1L, 2L, 3L), sequences(store.messages().append(batch)), "the retry stores the batch");
      assertEquals(List.of(1L, 2L, 3L), sequences(store.messages().append(batch)), "a second retry is a no-op");
      assertEquals(List.of("one", "two", "three"), contents(store, conversation));
      assertEquals(3, store.conversations().get(ALICE, conversation.id()).messageCount());
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aServerStoppedAndStartedAgainIsUnavailableMeanwhileAndThePoolRecovers(@TempDir Path data) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    EmbeddedPostgres server = start(data, port);
    try (Storage storage = new PostgresStorageProvider().open(new StoreSettings(
        server.getJdbcUrl("postgres", "postgres"), StoreLimits.DEFAULTS, Map.of(SqlSettings.CONNECTION_TIMEOUT, "2000")))) {
      UseCases store = store(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("before"));
      AppendMessages batch = AppendMessages.of(ALICE, conversation.id(), batchWithIds("during", "the", "outage"));

      server.close();
      long started = System.nanoTime();
      StoreFailureException down = assertThrows(StoreFailureException.class, () -> store.messages().append(batch));
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(Kind.UNAVAILABLE, down.kind(), down.getMessage());
      assertTrue(waitedMillis < 10_000, "refused in " + waitedMillis + " ms");
      assertThrows(StoreFailureException.class, () -> store.conversations().get(ALICE, conversation.id()));

      server = start(data, port);
      List<Message> stored = retryWhileUnavailable(() -> store.messages().append(batch));
      assertEquals(List.of(2L, 3L, 4L), sequences(stored));
      assertEquals(List.of(2L, 3L, 4L), sequences(store.messages().append(batch)), "a second retry is a no-op");
      assertEquals(List.of("before", "during", "the", "outage"), contents(store, conversation));
    } finally {
      server.close();
    }
  }

  @Test
  void aServerThatNeverAnswersIsAFailureWithinTheConnectionTimeoutNotAHang() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accepted, never answered
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      long started = System.nanoTime();
      StoreFailureException refused = assertThrows(StoreFailureException.class, () -> new PostgresStorageProvider().open(
          new StoreSettings("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/convostore",
              StoreLimits.DEFAULTS, Map.of(SqlSettings.CONNECTION_TIMEOUT, "1000"))));
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(refused.retryable(), refused.kind() + ": " + refused.getMessage());
      assertTrue(waitedMillis < 5_000, "refused in " + waitedMillis + " ms");
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
  }


  private static StoreFailureException failure(CompletableFuture<?> call) throws Exception {
    try {
      call.get(30, TimeUnit.SECONDS);
      throw new AssertionError("the call succeeded");
    } catch (ExecutionException failed) {
      return (StoreFailureException) failed.getCause();
    }
  }

  /** What a host's retry loop does: retry a retryable failure, here while the pool reconnects. */
  private static <T> T retryWhileUnavailable(java.util.function.Supplier<T> call) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StoreFailureException failed) {
        if (!failed.retryable() || attempt == 20) {
          throw failed;
        }
        Thread.sleep(250);
      }
    }
  }

  private static List<NewMessage> batchWithIds(String... contents) {
    List<NewMessage> batch = new ArrayList<>();
    for (String content : contents) {
      batch.add(NewMessage.user(content).withId(MessageId.newId()));
    }
    return batch;
  }

  private static UseCases store(Storage storage) {
    return UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
  }

  private static List<Long> sequences(List<Message> messages) {
    return messages.stream().map(Message::sequence).toList();
  }

  private static List<String> contents(UseCases store, Conversation conversation) {
    return store.history().history(ALICE, conversation.id(), HistoryRequest.last(100)).stream()
        .map(Message::content).toList();
  }
}
