package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Many writers on one conversation while readers watch: 16 threads append 1,000 batches of two
 * messages each, and four readers check every window and count they see.
 */
public abstract class ConcurrencyContract extends StoreContract {

  private static final int WRITERS = 16;
  private static final int APPENDS_PER_WRITER = 1000;
  private static final int READERS = 4;

  @Test
  void sixteenWritersAndFourReadersOnOneConversation() throws Exception {
    Conversation c = start(ALICE);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<List<Long>>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          go.await();
          List<Long> firstSequences = new ArrayList<>();
          for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            List<Message> batch = store.messages().append(AppendMessages.of(ALICE, c.id(),
                NewMessage.user(writer + "/" + i + " question"), NewMessage.assistant(writer + "/" + i + " answer")));
            assertEquals(batch.get(0).sequence() + 1, batch.get(1).sequence(), "a batch is consecutive");
            firstSequences.add(batch.get(0).sequence());
          }
          return firstSequences;
        }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(pool.submit(() -> {
          go.await();
          int reads = 0;
          while (writing.get() || reads == 0) {
            assertWholeBatches(store.history().history(ALICE, c.id(), HistoryRequest.last(50)));
            assertEquals(0, reload(ALICE, c.id()).messageCount() % 2, "counts move by whole batches");
            assertTrue(store.history().recentActivity(ALICE, 20).stream().allMatch(m -> m.conversationId().equals(c.id())));
            reads++;
          }
          return reads;
        }));
      }
      go.countDown();
      Set<Long> firsts = new HashSet<>();
      for (Future<List<Long>> writer : writers) {
        List<Long> mine = writer.get(10, TimeUnit.MINUTES);
        assertEquals(mine.stream().sorted().toList(), mine, "one writer's batches keep their order");
        firsts.addAll(mine);
      }
      writing.set(false);
      for (Future<Integer> reader : readers) {
        assertTrue(reader.get(1, TimeUnit.MINUTES) > 0);
      }

      long total = 2L * WRITERS * APPENDS_PER_WRITER;
      assertEquals(total / 2, firsts.size(), "no two batches got the same sequence numbers");
      List<Message> stored = all(c.id(), total);
      assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), sequences(stored), "gapless, nothing duplicated");
      assertEquals(total, new HashSet<>(contents(stored)).size(), "nothing lost, nothing stored twice");
      assertWholeBatches(stored);
      assertEquals(total, reload(ALICE, c.id()).messageCount());
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
  }

  /** Every question is followed by its own answer, and a window never ends between the two. */
  private static void assertWholeBatches(List<Message> window) {
    if (window.isEmpty()) {
      return;
    }
    assertTrue(window.get(window.size() - 1).content().endsWith(" answer"), "the newest batch is visible whole");
    for (int i = 0; i + 1 < window.size(); i++) {
      String content = window.get(i).content();
      if (content.endsWith(" question")) {
        String batch = content.substring(0, content.length() - " question".length());
        assertEquals(batch + " answer", window.get(i + 1).content(), "a batch is stored contiguously");
      }
    }
  }

  private List<Message> all(ConversationId id, long total) {
    List<Message> stored = new ArrayList<>();
    while (stored.size() < total) {
      long last = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).sequence();
      List<Message> next = store.history().history(ALICE, id, HistoryRequest.after(last, 1000));
      if (next.isEmpty()) {
        break;
      }
      stored.addAll(next);
    }
    return stored;
  }
}
