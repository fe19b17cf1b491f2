package dev.convostore.application.contract;

import static dev.convostore.application.contract.TestMessages.result;
import static dev.convostore.application.contract.TestMessages.userWithId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ImportMode;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Appending messages: sequence numbers, atomic batches, idempotency, conditional appends, concurrency. */
public abstract class AppendContract extends StoreContract {

  private List<Message> all(ConversationId id) {
    return store.history().history(ALICE, id, HistoryRequest.last(HistoryRequest.MAX_LIMIT));
  }

  @Test
  void appendAssignsGaplessSequenceNumbers() {
    Conversation c = start(ALICE);
    List<Message> stored = appendNumbered(ALICE, c.id(), 5);

    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sequences(stored));
    assertEquals(stored, all(c.id()));
  }

  @Test
  void appendStoresEveryFieldExactly() {
    Conversation c = start(ALICE);
    clock.advance(Duration.ofSeconds(3));
    NewMessage draft = NewMessage.assistant("Hello, Alice! Ünïcödé ✓ \uD83D\uDE00\ttab\nnewline")
        .withMetadata(JsonObject.of("model", "gpt-x", "tokens", 42));

    Message stored = store.messages().append(ALICE, c.id(), draft);

    assertEquals(c.id(), stored.conversationId());
    assertEquals(ALICE, stored.owner());
    assertEquals(MessageRole.ASSISTANT, stored.role());
    assertEquals(MessageKind.TEXT, stored.kind());
    assertEquals(draft.content(), stored.content());
    assertEquals(draft.metadata(), stored.metadata());
    assertEquals(T0.plusSeconds(3), stored.createdAt());
    assertEquals(List.of(stored), all(c.id()));
  }

  @Test
  void appendUpdatesCountAndActivity() {
    Conversation c = start(ALICE);
    clock.advance(Duration.ofMinutes(1));
    append(ALICE, c.id(), NewMessage.user("one"), NewMessage.assistant("two"));

    Conversation after = reload(ALICE, c.id());
    assertEquals(2, after.messageCount());
    assertEquals(2, after.lastSequence());
    assertEquals(T0.plus(Duration.ofMinutes(1)), after.updatedAt());
  }

  @Test
  void activityNeverMovesBackwardsWhenTheClockDoes() {
    Conversation c = start(ALICE);
    clock.advance(Duration.ofHours(1));
    append(ALICE, c.id(), NewMessage.user("later"));
    clock.set(T0);
    append(ALICE, c.id(), NewMessage.user("clock went back"));

    Conversation after = reload(ALICE, c.id());
    assertEquals(T0.plus(Duration.ofHours(1)), after.updatedAt());
    assertEquals(List.of(1L, 2L), sequences(all(c.id())));
  }

  @Test
  void toolCallsAndResultsAreStoredNeverDropped() {
    Conversation c = start(ALICE);
    NewMessage calls = NewMessage.toolCalls("Let me check.",
        new ToolCall("call_1", "weather", JsonObject.of("city", "Oslo", "units", "metric")),
        new ToolCall("call_2", "calendar", JsonObject.of("day", "monday")));

    List<Message> stored = append(ALICE, c.id(), calls,
        result("call_1", "weather"), result("call_2", "calendar", ToolOutcome.FAILURE));

    List<Message> read = all(c.id());
    assertEquals(stored, read);
    assertEquals(calls.toolCalls(), read.get(0).toolCalls());
    assertEquals(MessageKind.TOOL_CALL, read.get(0).kind());
    assertEquals("call_2", read.get(2).toolResult().orElseThrow().callId());
    assertEquals(ToolOutcome.FAILURE, read.get(2).toolResult().orElseThrow().outcome());
    assertEquals(Optional.of("looked it up"), read.get(1).toolResult().orElseThrow().actionTaken());
  }

  /**
   * Text that means something in SQL array, JSON or COPY syntax is stored as text, in batches with
   * and without client ids, and in an import (adapters may send a batch's columns as arrays).
   */
  @Test
  void textThatLooksLikeSyntaxIsStoredExactlyInBatchesAndImports() {
    Conversation c = start(ALICE);
    List<String> texts = List.of("NULL", "null", "{}", "{\"a\",\"b\"}", "{a,b}", "\\", "\\N", "\"", "'", ",",
        "(1,2)", "[]", "a\tb\nc", " padded ");
    NewMessage[] withoutIds = texts.stream()
        .map(text -> NewMessage.user(text).withMetadata(JsonObject.of(text, text))).toArray(NewMessage[]::new);
    NewMessage[] withIds = texts.stream()
        .map(text -> userWithId(MessageId.newId(), text)).toArray(NewMessage[]::new);
    NewMessage call = NewMessage.toolCalls("NULL", new ToolCall("{a,b}", "NULL", JsonObject.of("\\N", "{\"x\"}")));

    List<Message> stored = new ArrayList<>(append(ALICE, c.id(), withoutIds));
    stored.addAll(append(ALICE, c.id(), withIds));
    stored.addAll(append(ALICE, c.id(), call, result("{a,b}", "NULL")));

    assertEquals(stored, all(c.id()));
    assertEquals(texts, contents(stored.subList(0, texts.size())));
    assertEquals(texts, contents(stored.subList(texts.size(), 2 * texts.size())));
    List<ConversationSnapshot> exported;
    try (Stream<ConversationSnapshot> snapshots = store.transfer().export(ALICE)) {
      exported = snapshots.toList();
    }
    store.conversations().delete(ALICE, c.id());
    store.transfer().importAll(exported.iterator(), ImportMode.NEVER_BACKWARDS);
    assertEquals(stored, all(c.id()));
  }

  @Test
  void errorMessagesAreStored() {
    Conversation c = start(ALICE);
    Message error = store.messages().append(ALICE, c.id(), NewMessage.error(MessageRole.ASSISTANT, "model timed out"));
    assertEquals(MessageKind.ERROR, all(c.id()).get(0).kind());
    assertEquals(error, all(c.id()).get(0));
  }

  @Test
  void batchAppendIsOneUnitInOrder() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("first"));

    List<Message> batch = append(ALICE, c.id(),
        NewMessage.system("s"), NewMessage.user("u"), NewMessage.assistant("a"));

    assertEquals(List.of(2L, 3L, 4L), sequences(batch));
    assertEquals(List.of("first", "s", "u", "a"), contents(all(c.id())));
    assertTrue(batch.stream().allMatch(m -> m.createdAt().equals(batch.get(0).createdAt())));
  }

  @Test
  void invalidMessageInABatchStoresNoneOfIt() {
    Conversation c = start(ALICE);
    NewMessage tooLong = NewMessage.user("x".repeat(limits().maxContentLength() + 1));

    assertInvalid("messages[1].content",
        () -> append(ALICE, c.id(), NewMessage.user("fine"), tooLong));
    assertTrue(all(c.id()).isEmpty());
    assertEquals(0, reload(ALICE, c.id()).messageCount());
  }

  @Test
  void contentAtTheLimitIsAccepted() {
    Conversation c = start(ALICE);
    String max = "y".repeat(limits().maxContentLength());
    assertEquals(max, store.messages().append(ALICE, c.id(), NewMessage.user(max)).content());
  }

  @Test
  void oversizeMetadataAndToolArgumentsAreRejected() {
    Conversation c = start(ALICE);
    String blob = "z".repeat(limits().maxJsonBytes());
    assertInvalid("messages[0].metadata",
        () -> append(ALICE, c.id(), NewMessage.user("hi").withMetadata(JsonObject.of("blob", blob))));
    assertInvalid("messages[0].toolCalls[0].arguments",
        () -> append(ALICE, c.id(), NewMessage.toolCalls("", new ToolCall("c", "t", JsonObject.of("blob", blob)))));
    assertTrue(all(c.id()).isEmpty());
  }

  @Test
  void batchOverTheLimitIsRejected() {
    Conversation c = start(ALICE);
    List<NewMessage> batch = Collections.nCopies(limits().maxBatchSize() + 1, NewMessage.user("x"));
    assertInvalid("messages", () -> store.messages().append(AppendMessages.of(ALICE, c.id(), batch)));
    assertTrue(all(c.id()).isEmpty());
  }

  @Test
  void emptyBatchIsRejected() {
    Conversation c = start(ALICE);
    assertInvalid("messages", () -> store.messages().append(AppendMessages.of(ALICE, c.id(), List.of())));
  }

  @Test
  void messagesWithNulOrUnpairedSurrogatesAreRejected() {
    Conversation c = start(ALICE);
    assertInvalid("content", () -> append(ALICE, c.id(), NewMessage.user("nul \0 inside")));
    assertInvalid("content", () -> append(ALICE, c.id(), NewMessage.user("lone \uDC00 low")));
    assertTrue(all(c.id()).isEmpty());
  }

  @Test
  void malformedMessageShapesAreRejected() {
    assertInvalid("content", () -> NewMessage.user("   "));
    assertInvalid("role", () -> NewMessage.text(MessageRole.TOOL, "not a result"));
    assertInvalid("toolCalls", () -> NewMessage.toolCalls("no calls"));
    assertInvalid("toolCalls", () -> NewMessage.toolCalls("",
        new ToolCall("same", "a", JsonObject.empty()), new ToolCall("same", "b", JsonObject.empty())));
    assertInvalid("role", () -> MessageRole.parse("wizard"));
    assertInvalid("toolName", () -> new ToolCall("id", " ", JsonObject.empty()));
  }

  @Test
  void appendToUnknownConversationIsNotFound() {
    assertNoConversation(() -> append(ALICE, ConversationId.newId(), NewMessage.user("hi")));
  }

  @Test
  void appendToInactiveConversationIsAllowed() {
    Conversation c = start(ALICE);
    store.conversations().deactivate(ALICE, c.id(), OptionalLong.empty());
    assertEquals(1, append(ALICE, c.id(), NewMessage.user("still here")).get(0).sequence());
  }

  @Test
  void clientChosenIdIsKept() {
    Conversation c = start(ALICE);
    MessageId id = MessageId.newId();
    assertEquals(id, append(ALICE, c.id(), userWithId(id, "hi")).get(0).id());
    assertEquals(id, all(c.id()).get(0).id());
  }

  @Test
  void appendingTheSameIdAgainIsANoOpReturningTheStoredMessage() {
    Conversation c = start(ALICE);
    MessageId id = MessageId.newId();
    Message first = append(ALICE, c.id(), userWithId(id, "hi")).get(0);
    clock.advance(Duration.ofMinutes(1));

    Message retried = append(ALICE, c.id(), userWithId(id, "hi")).get(0);

    assertEquals(first, retried);
    assertEquals(1, all(c.id()).size());
    Conversation after = reload(ALICE, c.id());
    assertEquals(1, after.messageCount());
    assertEquals(T0, after.updatedAt());
  }

  @Test
  void sameIdWithDifferentContentIsAConflict() {
    Conversation c = start(ALICE);
    MessageId id = MessageId.newId();
    append(ALICE, c.id(), userWithId(id, "hi"));

    ConflictException error = assertThrows(ConflictException.class,
        () -> append(ALICE, c.id(), userWithId(id, "changed")));
    assertEquals(ConflictException.Reason.MESSAGE_ID_REUSED, error.reason());
    assertEquals(List.of("hi"), contents(all(c.id())));
  }

  @Test
  void sameIdWithDifferentMetadataIsAConflict() {
    Conversation c = start(ALICE);
    MessageId id = MessageId.newId();
    append(ALICE, c.id(), userWithId(id, "hi"));
    assertThrows(ConflictException.class,
        () -> append(ALICE, c.id(), userWithId(id, "hi").withMetadata(JsonObject.of("x", 1))));
  }

  @Test
  void conflictingIdInABatchStoresNoneOfIt() {
    Conversation c = start(ALICE);
    MessageId id = MessageId.newId();
    append(ALICE, c.id(), userWithId(id, "hi"));

    assertThrows(ConflictException.class,
        () -> append(ALICE, c.id(), NewMessage.user("new"), userWithId(id, "changed")));
    assertEquals(List.of("hi"), contents(all(c.id())));
  }

  @Test
  void retriedBatchIsANoOp() {
    Conversation c = start(ALICE);
    AppendMessages batch = AppendMessages.of(ALICE, c.id(),
        userWithId(MessageId.newId(), "a"), userWithId(MessageId.newId(), "b")).expectingLastSequence(0);
    List<Message> first = store.messages().append(batch);

    List<Message> retried = store.messages().append(batch); // expected sequence is stale, yet a no-op

    assertEquals(first, retried);
    assertEquals(2, all(c.id()).size());
  }

  @Test
  void partlyStoredBatchAppendsOnlyTheNewMessages() {
    Conversation c = start(ALICE);
    MessageId stored = MessageId.newId();
    append(ALICE, c.id(), userWithId(stored, "a"));

    List<Message> result = append(ALICE, c.id(), userWithId(stored, "a"), NewMessage.assistant("b"));

    assertEquals(List.of(1L, 2L), sequences(result));
    assertEquals(List.of("a", "b"), contents(all(c.id())));
  }

  @Test
  void sameIdTwiceInOneBatchIsRejected() {
    Conversation c = start(ALICE);
    MessageId id = MessageId.newId();
    assertInvalid("messages[1].id", () -> append(ALICE, c.id(), userWithId(id, "a"), userWithId(id, "a")));
  }

  @Test
  void sameMessageIdMayBeUsedInAnotherConversation() {
    Conversation one = start(ALICE);
    Conversation two = start(ALICE);
    MessageId id = MessageId.newId();
    append(ALICE, one.id(), userWithId(id, "a"));
    assertEquals(two.id(), append(ALICE, two.id(), userWithId(id, "b")).get(0).conversationId());
  }

  @Test
  void conditionalAppendSucceedsWhenNobodyGotThereFirst() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 2);

    List<Message> stored = store.messages().append(
        AppendMessages.of(ALICE, c.id(), NewMessage.user("third")).expectingLastSequence(2));
    assertEquals(3, stored.get(0).sequence());
  }

  @Test
  void conditionalAppendFailsWhenAnotherWriterGotThereFirst() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 2);

    ConflictException error = assertThrows(ConflictException.class, () -> store.messages().append(
        AppendMessages.of(ALICE, c.id(), NewMessage.user("stale")).expectingLastSequence(1)));
    assertEquals(ConflictException.Reason.SEQUENCE_MISMATCH, error.reason());
    assertEquals(2, all(c.id()).size());
  }

  @Test
  void conditionalAppendOnAnEmptyConversationExpectsZero() {
    Conversation c = start(ALICE);
    assertEquals(1, store.messages().append(
        AppendMessages.of(ALICE, c.id(), NewMessage.user("first")).expectingLastSequence(0)).get(0).sequence());
    assertInvalid("expectedLastSequence",
        () -> AppendMessages.of(ALICE, c.id(), NewMessage.user("x")).expectingLastSequence(-1));
  }

  @Test
  void concurrentAppendsLoseAndDuplicateNothing() throws Exception {
    Conversation c = start(ALICE);
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int writer = t;
        results.add(pool.submit(() -> {
          go.await();
          List<Long> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            mine.add(store.messages().append(ALICE, c.id(), NewMessage.user("w" + writer + " #" + i)).sequence());
          }
          return mine;
        }));
      }
      go.countDown();
      Set<Long> assigned = new HashSet<>();
      for (Future<List<Long>> result : results) {
        List<Long> mine = result.get(2, TimeUnit.MINUTES);
        assertEquals(mine.stream().sorted().toList(), mine, "one writer's messages keep their order");
        assigned.addAll(mine);
      }
      long total = (long) threads * perThread;
      assertEquals(LongStream.rangeClosed(1, total).boxed().collect(java.util.stream.Collectors.toSet()), assigned);
      List<Message> stored = all(c.id());
      assertEquals(total, stored.size());
      assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), sequences(stored));
      assertEquals(total, new HashSet<>(contents(stored)).size());
      assertEquals(total, reload(ALICE, c.id()).messageCount());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readersNeverSeeAPartialBatch() throws Exception {
    Conversation c = start(ALICE);
    int batches = 100;
    int batchSize = 5;
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> reader = pool.submit(() -> {
        int reads = 0;
        while (writing.get() || reads == 0) {
          List<Message> seen = all(c.id());
          assertEquals(0, seen.size() % batchSize, "a batch is visible whole or not at all");
          assertEquals(LongStream.rangeClosed(1, seen.size()).boxed().toList(), sequences(seen));
          assertEquals(0, reload(ALICE, c.id()).messageCount() % batchSize, "counts move by whole batches");
          reads++;
        }
        return reads;
      });
      for (int b = 0; b < batches; b++) {
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
          batch.add(NewMessage.user("batch " + b + " message " + i));
        }
        store.messages().append(AppendMessages.of(ALICE, c.id(), batch));
      }
      writing.set(false);
      assertTrue(reader.get(1, TimeUnit.MINUTES) > 0);
      assertEquals(batches * batchSize, all(c.id()).size());
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentConditionalAppendsNeverInterleave() throws Exception {
    Conversation c = start(ALICE);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int writer = t;
        results.add(pool.submit(() -> {
          go.await();
          try {
            store.messages().append(AppendMessages.of(ALICE, c.id(),
                NewMessage.user("w" + writer + " a"), NewMessage.user("w" + writer + " b")).expectingLastSequence(0));
            return true;
          } catch (ConflictException lost) {
            return false;
          }
        }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      assertEquals(1, winners);
      List<Message> stored = all(c.id());
      assertEquals(2, stored.size());
      assertEquals(stored.get(0).content().split(" ")[0], stored.get(1).content().split(" ")[0]);
    } finally {
      pool.shutdownNow();
    }
  }
}
