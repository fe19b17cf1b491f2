package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers on one SQLite file: within a store they queue for the single writer connection; two
 * stores on one file (as two processes would be) meet at SQLite's lock, where a write transaction
 * waits up to the busy timeout when it begins. Neither surfaces "database is locked".
 */
class SqliteWritersTest {

  private static final UserId ALICE = UserId.of("alice");

  @TempDir Path folder;

  private String url() {
    return "jdbc:sqlite:" + folder.resolve("writers.db");
  }

  private Storage open() {
    return new SqliteStorageProvider().open(new StoreSettings(url(), StoreLimits.DEFAULTS, Map.of()));
  }

  private static UseCases over(Storage storage) {
    return UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
  }

  @Test
  void manyWritersInTwoStoresOnOneFileLoseNothingAndNeverSeeALock() throws Exception {
    int threadsPerStore = 8;
    int batchesPerThread = 125;
    int batchSize = 4;
    try (Storage first = open(); Storage second = open()) {
      List<UseCases> stores = List.of(over(first), over(second));
      Conversation shared = stores.get(0).conversations().start(StartConversation.by(ALICE));
      ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerStore + 2);
      CountDownLatch go = new CountDownLatch(1);
      AtomicBoolean writing = new AtomicBoolean(true);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 2 * threadsPerStore; t++) {
          UseCases store = stores.get(t % 2);
          int writer = t;
          writers.add(pool.submit(() -> {
            go.await();
            for (int b = 0; b < batchesPerThread; b++) {
              List<NewMessage> batch = new ArrayList<>();
              for (int m = 0; m < batchSize; m++) {
                batch.add(NewMessage.user("writer " + writer + " batch " + b + " message " + m));
              }
              store.messages().append(AppendMessages.of(ALICE, shared.id(), batch.toArray(NewMessage[]::new)));
            }
            return null;
          }));
        }
        List<Future<Integer>> readers = new ArrayList<>();
        for (UseCases store : stores) {
          readers.add(pool.submit(() -> {
            go.await();
            int reads = 0;
            while (writing.get()) {
              List<Message> window = store.history().history(ALICE, shared.id(), HistoryRequest.last(30));
              assertWholeBatches(window);
              reads++;
            }
            return reads;
          }));
        }
        go.countDown();
        for (Future<?> writer : writers) {
          writer.get(3, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<Integer> reader : readers) {
          assertTrue(reader.get(1, TimeUnit.MINUTES) > 0);
        }
      } finally {
        pool.shutdownNow();
      }
      long total = 2L * threadsPerStore * batchesPerThread * batchSize;
      List<Message> all = stores.get(1).history().history(ALICE, shared.id(), HistoryRequest.last(10_000));
      assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), all.stream().map(Message::sequence).toList());
      assertEquals(total, all.stream().map(Message::content).distinct().count());
      assertWholeBatches(all);
      assertEquals(total, stores.get(0).conversations().get(ALICE, shared.id()).messageCount());
    }
  }

  /** The messages of one batch have consecutive sequences: no other writer's message lands inside a batch. */
  private static void assertWholeBatches(List<Message> window) {
    for (int i = 1; i < window.size(); i++) {
      String previous = window.get(i - 1).content();
      String current = window.get(i).content();
      if (!current.endsWith("message 0")) {
        assertEquals(previous.substring(0, previous.lastIndexOf(" message")), current.substring(0, current.lastIndexOf(" message")),
            () -> "a batch was interleaved: " + previous + " / " + current);
      }
    }
  }

  @Test
  void anIdleStoreHoldsNoLockOnTheFile() throws Exception {
    try (Storage storage = open()) {
      UseCases store = over(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("written"));
      store.history().history(ALICE, conversation.id(), HistoryRequest.last(10));

      // Another process's writer, which does not wait: it fails at once if any lock is held.
      try (Connection other = DriverManager.getConnection(url()); Statement statement = other.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 0");
        statement.execute("BEGIN IMMEDIATE");
        statement.execute("UPDATE conversations SET title = 'renamed elsewhere'");
        statement.execute("COMMIT");
      }

      assertEquals("renamed elsewhere", store.conversations().get(ALICE, conversation.id()).title().orElseThrow());
    }
  }

  @Test
  void statementsKeptBetweenCallsHoldNoSnapshotSoTheWalCanBeCheckpointedFully() throws Exception {
    try (Storage storage = open()) {
      UseCases store = over(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      for (int i = 0; i < 50; i++) {
        store.messages().append(ALICE, conversation.id(), NewMessage.user("message " + i));
        store.history().history(ALICE, conversation.id(), HistoryRequest.last(10));
        store.history().recentActivity(ALICE, 5);
        store.history().search(ALICE, "message", 5);
        store.conversations().list(dev.convostore.application.port.in.ListConversations.of(ALICE, 5));
      }

      // The store's own background checkpoint may be running and refuse this one for a moment; a
      // snapshot held by a kept statement would refuse it every time.
      int busy = 1;
      int walPages = -1;
      try (Connection other = DriverManager.getConnection(url()); Statement statement = other.createStatement()) {
        for (int attempt = 0; attempt < 20 && busy != 0; attempt++) {
          Thread.sleep(attempt == 0 ? 0 : 50);
          try (java.sql.ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            checkpoint.next();
            busy = checkpoint.getInt(1);
            walPages = checkpoint.getInt(2);
          }
        }
      }
      assertEquals(0, busy, "no reader or writer of this store blocked the checkpoint");
      assertEquals(0, walPages, "the WAL was emptied");
      assertEquals(10, store.history().history(ALICE, conversation.id(), HistoryRequest.last(10)).size());
    }
  }

  @Test
  void theWalStartsOverWhileWritesNeverPause() throws Exception {
    // Each append writes about ten pages to the WAL; a checkpoint that runs beside writers which
    // never pause always finds new pages, and SQLite starts the WAL over only when a write finds
    // it wholly copied: without the store's help the file grew by some 40 KB an append, for good.
    Path wal = folder.resolve("writers.db-wal");
    int appends = 6_000;
    try (Storage storage = open()) {
      UseCases store = over(storage);
      List<Conversation> conversations = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        conversations.add(store.conversations().start(StartConversation.by(ALICE)));
      }
      long largest = 0;
      for (int i = 0; i < appends; i++) {
        store.messages().append(ALICE, conversations.get(i % 20).id(), NewMessage.user("never a pause " + i));
        if (i % 100 == 0) {
          largest = Math.max(largest, Files.size(wal));
        }
      }
      long unbounded = appends * 4_096L * 8; // at least eight pages an append, had none been written over
      assertTrue(largest < unbounded / 4, "the WAL reached " + largest + " bytes");
      assertEquals(appends / 20, store.history().history(ALICE, conversations.get(0).id(), HistoryRequest.last(1_000)).size());
    }
  }

  @Test
  void theWalStartsOverWhileLongWriteTransactionsFollowEachOther() throws Exception {
    // An import's transactions outlast the checkpoint's period: the checkpoint waits for the
    // writers' turn between two of them, or it would never find one.
    Path wal = folder.resolve("writers.db-wal");
    int batches = 30;
    int batchSize = 5_000; // a transaction of a few hundred milliseconds
    try (Storage storage = open()) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(),
          new StoreLimits(StoreLimits.DEFAULTS.maxContentLength(), StoreLimits.DEFAULTS.maxJsonBytes(), batchSize));
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      long afterFirst = 0;
      long largest = 0;
      for (int b = 0; b < batches; b++) {
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
          batch.add(NewMessage.user("batch " + b + " message " + i + " with a few more words to index"));
        }
        store.messages().append(AppendMessages.of(ALICE, conversation.id(), batch));
        afterFirst = b == 0 ? Files.size(wal) : afterFirst;
        largest = Math.max(largest, Files.size(wal));
      }
      assertTrue(largest < afterFirst * batches / 4, "the WAL reached " + largest + " bytes, " + afterFirst + " after one batch");
    }
  }

  @Test
  void writesReachTheDatabaseFileInTheBackgroundNotInTheWritersCommit() throws Exception {
    try (Storage storage = open()) {
      UseCases store = over(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("copied back"));

      // SQLite's own checkpoint would wait for 1,000 pages of WAL: the main file alone holding this
      // one message shows the background checkpoint copied it back.
      Path copy = folder.resolve("main-file-only.db");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      long found = 0;
      while (found == 0 && System.nanoTime() < deadline) {
        Thread.sleep(WalCheckpointer.PERIOD_MILLIS);
        Files.copy(folder.resolve("writers.db"), copy, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(folder.resolve("main-file-only.db-wal"));
        try (Connection alone = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement statement = alone.createStatement();
            ResultSet count = statement.executeQuery("SELECT count(*) FROM messages WHERE content = 'copied back'")) {
          found = count.next() ? count.getLong(1) : 0;
        } catch (SQLException caughtMidCheckpoint) {
          found = 0; // a copy taken while pages were being written: take another
        }
      }
      assertEquals(1, found);
    }
  }
}
