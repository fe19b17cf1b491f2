package dev.convostore.application.contract;

import static dev.convostore.application.contract.TestMessages.call;
import static dev.convostore.application.contract.TestMessages.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.HistoryUseCase;
import dev.convostore.application.port.in.RetentionPolicy;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** History windows, the tool-call rule, recent activity and statistics. */
public abstract class HistoryContract extends StoreContract {

  private List<Message> history(ConversationId id, HistoryRequest request) {
    return store.history().history(ALICE, id, request);
  }

  @Test
  void oneMessageIsReadByItsId() {
    Conversation c = start(ALICE);
    List<Message> stored = append(ALICE, c.id(), NewMessage.user("first"), call("call-1", "weather"),
        result("call-1", "weather"), TestMessages.userWithId(MessageId.newId(), "by the client's id"));

    for (Message message : stored) {
      assertEquals(message, store.history().message(ALICE, c.id(), message.id()));
    }
  }

  @Test
  void aMessageTheConversationDoesNotHoldIsNotFound() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 3);
    Message elsewhere = appendNumbered(ALICE, start(ALICE).id(), 1).get(0);

    NotFoundException notHere = assertThrows(NotFoundException.class, () -> store.history().message(ALICE, c.id(), elsewhere.id()));
    assertEquals("message", notHere.what());
    assertNoConversation(() -> store.history().message(ALICE, ConversationId.newId(), elsewhere.id()));
    assertInvalid("messageId", () -> store.history().message(ALICE, c.id(), null));
  }

  @Test
  void aRedactedMessageKeepsItsPlaceAndItsToolPairingAndLosesWhatItHeld() {
    Conversation c = start(ALICE);
    List<Message> stored = append(ALICE, c.id(),
        new NewMessage(Optional.empty(), MessageRole.USER, MessageKind.TEXT, "my card is 4111 1111", List.of(),
            Optional.empty(), JsonObject.of("channel", "sms")),
        call("call-1", "payments"), result("call-1", "payments"), NewMessage.assistant("paid"));
    ConversationStatistics before = store.history().statistics(ALICE, c.id());
    Conversation beforeRedaction = store.conversations().get(ALICE, c.id());

    List<Message> redacted = stored.subList(0, 3).stream()
        .map(message -> store.messages().redact(ALICE, c.id(), message.id())).toList();

    assertEquals(stored.subList(0, 3).stream().map(Message::redacted).toList(), redacted);
    Message user = redacted.get(0);
    assertEquals("", user.content());
    assertEquals(Message.REDACTED, user.metadata());
    assertTrue(redacted.stream().allMatch(Message::isRedacted));
    assertEquals(JsonObject.empty(), redacted.get(1).toolCalls().get(0).arguments());
    assertEquals("payments", redacted.get(1).toolCalls().get(0).toolName());
    assertEquals(Optional.empty(), redacted.get(2).toolResult().orElseThrow().actionTaken());
    assertEquals("call-1", redacted.get(2).toolResult().orElseThrow().callId());
    List<Message> expected = new java.util.ArrayList<>(redacted);
    expected.add(stored.get(3));
    assertEquals(expected, history(c.id(), HistoryRequest.last(10)), "order and the other message unchanged");
    assertEquals(List.of(2L, 3L), sequences(history(c.id(), HistoryRequest.last(1).withRoles(MessageRole.TOOL))),
        "the redacted result still brings its call");
    assertEquals(user, store.history().message(ALICE, c.id(), user.id()));
    assertEquals(before, store.history().statistics(ALICE, c.id()));
    Conversation afterRedaction = store.conversations().get(ALICE, c.id());
    assertEquals(4, afterRedaction.messageCount());
    assertEquals(beforeRedaction.version() + 3, afterRedaction.version(), "each redaction raises the version");
    assertEquals(beforeRedaction.updatedAt(), afterRedaction.updatedAt(), "a redaction is no activity");
    assertEquals(user, store.messages().redact(ALICE, c.id(), user.id()), "redacting again changes nothing");
    assertEquals(afterRedaction, store.conversations().get(ALICE, c.id()), "not even the version");
  }

  @Test
  void onlyAMessageOfTheUsersConversationIsRedacted() {
    Conversation c = start(ALICE);
    Message message = appendNumbered(ALICE, c.id(), 1).get(0);
    Message elsewhere = appendNumbered(ALICE, start(ALICE).id(), 1).get(0);

    assertEquals("message", assertThrows(NotFoundException.class,
        () -> store.messages().redact(ALICE, c.id(), elsewhere.id())).what());
    assertNoConversation(() -> store.messages().redact(BOB, c.id(), message.id()));
    assertInvalid("messageId", () -> store.messages().redact(ALICE, c.id(), null));
    assertEquals(message, store.history().message(ALICE, c.id(), message.id()));
  }

  @Test
  void feedbackIsOnePerMessageReplacedWhenGivenAgainAndReadInMessageOrder() {
    Conversation c = start(ALICE);
    List<Message> messages = appendNumbered(ALICE, c.id(), 3);
    assertEquals(List.of(), store.messages().feedback(ALICE, c.id()));

    MessageFeedback onThird = store.messages().giveFeedback(ALICE, c.id(), messages.get(2).id(),
        Feedback.of(-1).withLabel("wrong-tool").withComment("It looked up the wrong city."));
    store.messages().giveFeedback(ALICE, c.id(), messages.get(0).id(), Feedback.of(0.5));
    clock.advance(Duration.ofSeconds(1));
    MessageFeedback onFirst = store.messages().giveFeedback(ALICE, c.id(), messages.get(0).id(), Feedback.of(1).withLabel("helpful"));

    assertEquals(clock.instant(), onFirst.givenAt());
    assertEquals(List.of(onFirst, onThird), store.messages().feedback(ALICE, c.id()), "the second feedback replaced the first");
  }

  @Test
  void feedbackNeedsAMessageOfTheUsersConversationAndARatingFromMinusOneToOne() {
    Conversation c = start(ALICE);
    Message message = appendNumbered(ALICE, c.id(), 1).get(0);
    Message elsewhere = appendNumbered(ALICE, start(ALICE).id(), 1).get(0);

    assertEquals("message", assertThrows(NotFoundException.class,
        () -> store.messages().giveFeedback(ALICE, c.id(), elsewhere.id(), Feedback.of(1))).what());
    assertNoConversation(() -> store.messages().giveFeedback(BOB, c.id(), message.id(), Feedback.of(1)));
    assertNoConversation(() -> store.messages().feedback(BOB, c.id()));
    assertInvalid("rating", () -> Feedback.of(1.5));
    assertInvalid("rating", () -> Feedback.of(Double.NaN));
    assertInvalid("label", () -> Feedback.of(1).withLabel(" "));
    assertInvalid("comment", () -> Feedback.of(1).withComment("x".repeat(Feedback.MAX_COMMENT_LENGTH + 1)));
    assertInvalid("feedback", () -> store.messages().giveFeedback(ALICE, c.id(), message.id(), null));
    assertEquals(List.of(), store.messages().feedback(ALICE, c.id()));
  }

  @Test
  void feedbackGoesWithItsMessage() {
    Conversation c = start(ALICE);
    List<Message> messages = appendNumbered(ALICE, c.id(), 3);
    store.messages().giveFeedback(ALICE, c.id(), messages.get(0).id(), Feedback.of(-1));
    MessageFeedback kept = store.messages().giveFeedback(ALICE, c.id(), messages.get(2).id(), Feedback.of(1));

    store.retention().apply(RetentionPolicy.keepLast(2));

    assertEquals(List.of(kept), store.messages().feedback(ALICE, c.id()));
    store.conversations().delete(ALICE, c.id());
    assertNoConversation(() -> store.messages().feedback(ALICE, c.id()));
  }

  @Test
  void aMessageRetentionRemovedIsNotFound() {
    Conversation c = start(ALICE);
    Message first = appendNumbered(ALICE, c.id(), 3).get(0);
    store.retention().apply(RetentionPolicy.keepLast(2));

    assertEquals("message", assertThrows(NotFoundException.class, () -> store.history().message(ALICE, c.id(), first.id())).what());
  }

  @Test
  void aWindowFilteredByRoleOrKindHoldsOnlyThoseMessages() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.system("be brief"), NewMessage.user("u1"), NewMessage.assistant("a1"),
        NewMessage.user("u2"), NewMessage.assistant("a2"), NewMessage.user("u3"));

    assertEquals(List.of("u2", "u3"), contents(history(c.id(), HistoryRequest.last(2).withRoles(MessageRole.USER))));
    assertEquals(List.of("u1", "u2"), contents(history(c.id(), HistoryRequest.before(6, 2).withRoles(MessageRole.USER))));
    assertEquals(List.of("a1", "u2"),
        contents(history(c.id(), HistoryRequest.after(2, 2).withRoles(MessageRole.USER, MessageRole.ASSISTANT))));
    assertEquals(List.of("be brief"), contents(history(c.id(), HistoryRequest.last(10).withRoles(MessageRole.SYSTEM))));
    assertTrue(history(c.id(), HistoryRequest.last(10).withKinds(MessageKind.ERROR)).isEmpty());
    assertInvalid("roles", () -> HistoryRequest.last(1).withRoles((MessageRole) null));
  }

  @Test
  void aFilteredWindowBringsTheCallOfEachToolResultItHolds() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("weather and news?"), call("w", "weather"), result("w", "weather"),
        call("n", "news"), NewMessage.user("and tomorrow?"), result("n", "news", ToolOutcome.FAILURE),
        NewMessage.assistant("sunny; no news"));

    List<Message> results = history(c.id(), HistoryRequest.last(10).withKinds(MessageKind.TOOL_RESULT));
    assertEquals(List.of(2L, 3L, 4L, 6L), sequences(results), "each result with its call, nothing else");
    assertEquals(List.of(4L, 6L), sequences(history(c.id(), HistoryRequest.last(1).withRoles(MessageRole.TOOL))));
    assertEquals(List.of(1L, 5L), sequences(history(c.id(), HistoryRequest.last(10).withRoles(MessageRole.USER))));
  }

  @Test
  void aWindowFilteredByToolNameHoldsOnlyThatToolsCallsAndResults() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("plan my day"), call("w1", "weather"), result("w1", "weather"),
        call("n1", "news"), result("n1", "news"),
        NewMessage.toolCalls("", new ToolCall("n2", "news", JsonObject.empty()), new ToolCall("w2", "weather", JsonObject.empty())),
        result("n2", "news"), result("w2", "weather"), call("n3", "news"), result("n3", "news"), NewMessage.assistant("done"));

    assertEquals(List.of(2L, 3L, 6L, 8L), sequences(history(c.id(), HistoryRequest.last(10).withToolNames("weather"))));
    assertEquals(List.of(6L, 8L), sequences(history(c.id(), HistoryRequest.last(2).withToolNames("weather"))),
        "the limit counts the tool's messages, not the others between them");
    assertEquals(List.of(9L, 10L), sequences(history(c.id(), HistoryRequest.last(1).withToolNames("news"))),
        "a result brings its call");
    assertEquals(List.of(2L, 3L), sequences(history(c.id(), HistoryRequest.before(6, 5).withToolNames("weather"))));
    assertEquals(List.of(4L, 5L), sequences(history(c.id(), HistoryRequest.after(1, 2).withToolNames("news", "other"))));
    assertEquals(List.of(2L, 6L), sequences(history(c.id(), HistoryRequest.last(10).withToolNames("weather").withKinds(MessageKind.TOOL_CALL))));
    assertTrue(history(c.id(), HistoryRequest.last(10).withToolNames("weather").withKinds(MessageKind.TEXT)).isEmpty());
    assertTrue(history(c.id(), HistoryRequest.last(10).withToolNames("calendar")).isEmpty());
    assertInvalid("toolNames", () -> HistoryRequest.last(1).withToolNames(" "));
  }

  @Test
  void lastNIsChronological() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 10);

    assertEquals(List.of("message 8", "message 9", "message 10"), contents(history(c.id(), HistoryRequest.last(3))));
  }

  @Test
  void lastNOfAShortConversationReturnsAll() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 2);
    assertEquals(List.of(1L, 2L), sequences(history(c.id(), HistoryRequest.last(50))));
  }

  @Test
  void emptyConversationHasEmptyHistory() {
    Conversation c = start(ALICE);
    assertTrue(history(c.id(), HistoryRequest.last(10)).isEmpty());
    assertTrue(history(c.id(), HistoryRequest.before(5, 10)).isEmpty());
    assertTrue(history(c.id(), HistoryRequest.after(0, 10)).isEmpty());
  }

  @Test
  void pageBeforeASequence() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 10);

    assertEquals(List.of(4L, 5L, 6L), sequences(history(c.id(), HistoryRequest.before(7, 3))));
    assertEquals(List.of(1L, 2L), sequences(history(c.id(), HistoryRequest.before(3, 5))));
    assertTrue(history(c.id(), HistoryRequest.before(1, 5)).isEmpty());
  }

  @Test
  void pageAfterASequence() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 10);

    assertEquals(List.of(8L, 9L, 10L), sequences(history(c.id(), HistoryRequest.after(7, 3))));
    assertEquals(List.of(1L, 2L), sequences(history(c.id(), HistoryRequest.after(0, 2))));
    assertTrue(history(c.id(), HistoryRequest.after(10, 5)).isEmpty());
  }

  @Test
  void pagingBackwardsVisitsEveryMessageOnce() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 23);

    List<Message> page = history(c.id(), HistoryRequest.last(5));
    java.util.ArrayList<Long> seen = new java.util.ArrayList<>(sequences(page));
    while (!page.isEmpty()) {
      page = history(c.id(), HistoryRequest.before(page.get(0).sequence(), 5));
      seen.addAll(0, sequences(page));
    }
    assertEquals(java.util.stream.LongStream.rangeClosed(1, 23).boxed().toList(), seen);
  }

  @Test
  void pagingForwardsVisitsEveryMessageOnce() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 17);

    java.util.ArrayList<Long> seen = new java.util.ArrayList<>();
    long after = 0;
    List<Message> page;
    do {
      page = history(c.id(), HistoryRequest.after(after, 4));
      seen.addAll(sequences(page));
      after = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
    } while (!page.isEmpty());
    assertEquals(java.util.stream.LongStream.rangeClosed(1, 17).boxed().toList(), seen);
  }

  @Test
  void historyRequestLimitsAreChecked() {
    assertInvalid("limit", () -> HistoryRequest.last(0));
    assertInvalid("limit", () -> HistoryRequest.last(HistoryRequest.MAX_LIMIT + 1));
    assertInvalid("sequence", () -> HistoryRequest.before(-1, 5));
  }

  @Test
  void historyOfUnknownConversationIsNotFound() {
    assertNoConversation(() -> history(ConversationId.newId(), HistoryRequest.last(5)));
  }

  @Test
  void windowStartingWithAToolResultReachesBackToItsCall() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("weather?"), call("call_1", "weather"),
        result("call_1", "weather"), NewMessage.assistant("It is 4 degrees."));

    List<Message> window = history(c.id(), HistoryRequest.last(2));

    assertEquals(List.of(2L, 3L, 4L), sequences(window));
    assertEquals("call_1", window.get(0).toolCalls().get(0).callId());
  }

  @Test
  void windowReachesBackOverParallelToolResults() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("plan my day"),
        NewMessage.toolCalls("", new ToolCall("a", "weather", JsonObject.empty()),
            new ToolCall("b", "calendar", JsonObject.empty())),
        result("a", "weather"), result("b", "calendar"), NewMessage.assistant("Done."));

    assertEquals(List.of(2L, 3L, 4L, 5L), sequences(history(c.id(), HistoryRequest.last(2))));
    assertEquals(List.of(2L, 3L, 4L), sequences(history(c.id(), HistoryRequest.before(5, 1))));
  }

  @Test
  void windowReachesBackAcrossManyMessages() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), call("slow", "report"));
    appendNumbered(ALICE, c.id(), 120);
    append(ALICE, c.id(), result("slow", "report"));

    List<Message> window = history(c.id(), HistoryRequest.last(1));
    assertEquals(122, window.size());
    assertEquals(1, window.get(0).sequence());
  }

  @Test
  void windowThatHoldsTheCallIsNotExtended() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("q"), call("x", "t"), result("x", "t"));
    assertEquals(List.of(2L, 3L), sequences(history(c.id(), HistoryRequest.last(2))));
  }

  @Test
  void afterPagesAlsoIncludeTheCallOfALeadingResult() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("q"), call("x", "t"), result("x", "t"), NewMessage.assistant("a"));
    assertEquals(List.of(2L, 3L, 4L), sequences(history(c.id(), HistoryRequest.after(2, 2))));
  }

  @Test
  void trimmingTakesAResultWhoseCallWentSoNoWindowStartsWithIt() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), call("gone", "t"), result("gone", "t"), NewMessage.assistant("a"));
    store.retention().apply(RetentionPolicy.keepLast(2));

    assertEquals(List.of(3L), sequences(history(c.id(), HistoryRequest.last(2))));
  }

  @Test
  void recentActivitySpansConversationsNewestFirst() {
    Conversation one = start(ALICE);
    Conversation two = start(ALICE);
    clock.advance(Duration.ofSeconds(1));
    append(ALICE, one.id(), NewMessage.user("one-a"));
    clock.advance(Duration.ofSeconds(1));
    append(ALICE, two.id(), NewMessage.user("two-a"));
    clock.advance(Duration.ofSeconds(1));
    append(ALICE, one.id(), NewMessage.user("one-b"), NewMessage.assistant("one-c"));

    assertEquals(List.of("one-c", "one-b", "two-a"), contents(store.history().recentActivity(ALICE, 3)));
  }

  @Test
  void recentActivityTiesAreBrokenByConversationThenSequence() {
    Conversation first = start(ALICE);
    Conversation second = start(ALICE);
    append(ALICE, first.id(), NewMessage.user("f1"), NewMessage.user("f2"));
    append(ALICE, second.id(), NewMessage.user("s1"));

    assertEquals(List.of("s1", "f2", "f1"), contents(store.history().recentActivity(ALICE, 10)));
  }

  @Test
  void recentActivityLimitIsChecked() {
    assertInvalid("limit", () -> store.history().recentActivity(ALICE, 0));
    assertInvalid("limit", () -> store.history().recentActivity(ALICE, HistoryUseCase.MAX_RESULTS + 1));
  }

  @Test
  void statisticsCountMessagesByRoleAndToolsByOutcome() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.system("s"), NewMessage.user("u1"),
        NewMessage.toolCalls("", new ToolCall("1", "weather", JsonObject.empty()),
            new ToolCall("2", "weather", JsonObject.empty()), new ToolCall("3", "search", JsonObject.empty())),
        result("1", "weather"), result("2", "weather", ToolOutcome.ERROR), result("3", "search", ToolOutcome.FAILURE),
        NewMessage.assistant("a"), NewMessage.user("u2"));

    ConversationStatistics stats = store.history().statistics(ALICE, c.id());

    assertEquals(Map.of(MessageRole.SYSTEM, 1L, MessageRole.USER, 2L, MessageRole.ASSISTANT, 2L, MessageRole.TOOL, 3L),
        stats.messagesByRole());
    assertEquals(8, stats.messageCount());
    assertEquals(List.of(
        new ToolUsage("search", 1, Map.of(ToolOutcome.FAILURE, 1L)),
        new ToolUsage("weather", 2, Map.of(ToolOutcome.SUCCESS, 1L, ToolOutcome.ERROR, 1L))), stats.tools());
  }

  @Test
  void statisticsOfAnEmptyConversation() {
    Conversation c = start(ALICE);
    ConversationStatistics stats = store.history().statistics(ALICE, c.id());
    assertEquals(0, stats.messageCount());
    assertTrue(stats.tools().isEmpty());
    assertEquals(c.id(), stats.conversationId());
  }

  @Test
  void toolUsageCountsTheUsersToolsAcrossConversationsInATimeRange() {
    Conversation first = start(ALICE);
    append(ALICE, first.id(), call("before", "weather"), result("before", "weather")); // at T0: before the range
    clock.advance(Duration.ofHours(1));
    append(ALICE, first.id(), call("1", "weather"), result("1", "weather", ToolOutcome.ERROR), NewMessage.assistant("a"));
    Conversation second = start(ALICE);
    append(ALICE, second.id(), NewMessage.toolCalls("", new ToolCall("2", "weather", JsonObject.empty()),
        new ToolCall("3", "search", JsonObject.empty())), result("2", "weather"), result("3", "search", ToolOutcome.FAILURE));
    Conversation bobs = start(BOB);
    append(BOB, bobs.id(), call("b", "weather"), result("b", "weather"));
    clock.advance(Duration.ofHours(1));
    append(ALICE, second.id(), call("after", "calendar")); // at the range's end: outside it

    List<ToolUsage> usage = store.history().toolUsage(ALICE, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(2)));

    assertEquals(List.of(
        new ToolUsage("search", 1, Map.of(ToolOutcome.FAILURE, 1L)),
        new ToolUsage("weather", 2, Map.of(ToolOutcome.SUCCESS, 1L, ToolOutcome.ERROR, 1L))), usage);
    assertEquals(List.of(new ToolUsage("weather", 1, Map.of(ToolOutcome.SUCCESS, 1L))),
        store.history().toolUsage(BOB, T0, T0.plus(Duration.ofDays(1))));
    assertTrue(store.history().toolUsage(ALICE, T0.minus(Duration.ofDays(1)), T0).isEmpty());
  }

  @Test
  void toolUsageNeedsARangeThatEndsAfterItStarts() {
    assertInvalid("to", () -> store.history().toolUsage(ALICE, T0, T0));
    assertInvalid("to", () -> store.history().toolUsage(ALICE, T0, T0.minusSeconds(1)));
    assertInvalid("from", () -> store.history().toolUsage(ALICE, null, T0));
  }

  @Test
  void statisticsOfUnknownConversationIsNotFound() {
    assertNoConversation(() -> store.history().statistics(ALICE, ConversationId.newId()));
  }
}
