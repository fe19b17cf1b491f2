package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SqlSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Many connections appending to one conversation: they queue at the conversation row, so the
 * sequence is gapless and no message is lost or stored twice, including when several writers
 * retry the same client message ids at once.
 */
class PostgresWritersTest {

  private static final UserId ALICE = UserId.of("alice");
  private static final int CONNECTIONS = 16;

  @Test
  void sixteenConnectionsAppendingToOneConversationLeaveNoGapAndNoDuplicate() throws Exception {
    int appendsPerThread = 150;
    try (Storage storage = TestPostgres.open(Map.of(SqlSettings.POOL_SIZE, String.valueOf(CONNECTIONS)))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));

      runTogether(CONNECTIONS, writer -> {
        for (int i = 0; i < appendsPerThread; i++) {
          store.messages().append(ALICE, conversation.id(), NewMessage.user("writer " + writer + " #" + i));
        }
      });

      long total = (long) CONNECTIONS * appendsPerThread;
      List<Message> stored = store.history().history(ALICE, conversation.id(), HistoryRequest.last(10_000));
      assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), stored.stream().map(Message::sequence).toList());
      assertEquals(total, stored.stream().map(Message::content).distinct().count());
      assertEquals(total, store.conversations().get(ALICE, conversation.id()).messageCount());
    }
  }

  @Test
  void writersRetryingTheSameClientIdsAtOnceStoreEachMessageOnce() throws Exception {
    int batches = 60;
    List<List<MessageId>> ids = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      ids.add(List.of(MessageId.newId(), MessageId.newId(), MessageId.newId()));
    }
    try (Storage storage = TestPostgres.open(Map.of(SqlSettings.POOL_SIZE, String.valueOf(CONNECTIONS)))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));

      // Every writer sends every batch, with the same ids and content: as clients retrying after lost replies.
      runTogether(CONNECTIONS, writer -> {
        for (int b = 0; b < batches; b++) {
          int batch = (b + writer) % batches;
          store.messages().append(AppendMessages.of(ALICE, conversation.id(),
              NewMessage.user("batch " + batch + " part 1").withId(ids.get(batch).get(0)),
              NewMessage.assistant("batch " + batch + " part 2").withId(ids.get(batch).get(1)),
              NewMessage.user("batch " + batch + " part 3").withId(ids.get(batch).get(2))));
        }
      });

      List<Message> stored = store.history().history(ALICE, conversation.id(), HistoryRequest.last(10_000));
      assertEquals(LongStream.rangeClosed(1, 3L * batches).boxed().toList(), stored.stream().map(Message::sequence).toList());
      assertEquals(ids.stream().flatMap(List::stream).collect(Collectors.toSet()),
          stored.stream().map(Message::id).collect(Collectors.toSet()));
      for (int i = 0; i < stored.size(); i += 3) { // each batch whole and in order
        String batch = stored.get(i).content().replace(" part 1", "");
        assertEquals(List.of(batch + " part 1", batch + " part 2", batch + " part 3"),
            stored.subList(i, i + 3).stream().map(Message::content).toList());
      }
    }
  }

  /** Runs {@code work} on {@code threads} threads started at once; fails with the first failure. */
  private static void runTogether(int threads, ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          go.await();
          work.run(thread);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> result : results) {
        result.get(3, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface ThreadWork {
    void run(int thread) throws Exception;
  }
}
