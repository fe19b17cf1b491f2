package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.RetentionPolicy;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.RetentionReport;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retention: idle conversations deleted or deactivated, messages trimmed, across users. */
public abstract class RetentionContract extends StoreContract {

  @Test
  void deletesConversationsIdleLongerThanTheDuration() {
    Conversation old = start(ALICE);
    appendNumbered(ALICE, old.id(), 3);
    Conversation bobsOld = start(BOB);
    store.context().add(BOB, bobsOld.id(), NewContextItem.of(ContextSource.RAG, "x", 0.5));
    clock.advance(Duration.ofDays(31));
    Conversation fresh = start(ALICE);

    RetentionReport report = store.retention().apply(RetentionPolicy.deleteIdle(Duration.ofDays(30)));

    assertEquals(new RetentionReport(2, 0, 3), report);
    assertNoConversation(() -> reload(ALICE, old.id()));
    assertNoConversation(() -> reload(BOB, bobsOld.id()));
    assertEquals(fresh, reload(ALICE, fresh.id()));
  }

  @Test
  void recentActivityKeepsAnOldConversation() {
    Conversation old = start(ALICE);
    clock.advance(Duration.ofDays(29));
    append(ALICE, old.id(), NewMessage.user("still talking"));
    clock.advance(Duration.ofDays(2));

    assertEquals(RetentionReport.NOTHING, store.retention().apply(RetentionPolicy.deleteIdle(Duration.ofDays(30))));
    assertEquals(1, reload(ALICE, old.id()).messageCount());
  }

  @Test
  void idleExactlyTheDurationIsKept() {
    Conversation c = start(ALICE);
    clock.advance(Duration.ofDays(30));
    assertEquals(RetentionReport.NOTHING, store.retention().apply(RetentionPolicy.deleteIdle(Duration.ofDays(30))));
    assertEquals(c, reload(ALICE, c.id()));
  }

  @Test
  void deactivatesIdleConversationsAndKeepsTheirActivityTime() {
    Conversation old = start(ALICE);
    Conversation alreadyInactive = start(ALICE);
    store.conversations().deactivate(ALICE, alreadyInactive.id(), java.util.OptionalLong.empty());
    clock.advance(Duration.ofDays(10));

    RetentionReport report = store.retention().apply(RetentionPolicy.deactivateIdle(Duration.ofDays(7)));

    assertEquals(new RetentionReport(0, 1, 0), report);
    Conversation after = reload(ALICE, old.id());
    assertFalse(after.active());
    assertEquals(old.updatedAt(), after.updatedAt());
    assertEquals(2, after.version());
  }

  @Test
  void deletesInactiveConversationsWithoutActivityLongerThanTheDuration() {
    Conversation closedLongAgo = start(ALICE);
    appendNumbered(ALICE, closedLongAgo.id(), 2);
    store.conversations().deactivate(ALICE, closedLongAgo.id(), java.util.OptionalLong.empty());
    Conversation bobsClosed = start(BOB);
    store.context().add(BOB, bobsClosed.id(), NewContextItem.of(ContextSource.RAG, "x", 0.5));
    store.conversations().deactivate(BOB, bobsClosed.id(), java.util.OptionalLong.empty());
    Conversation activeButIdle = start(ALICE);
    clock.advance(Duration.ofDays(20));
    Conversation closedRecently = start(ALICE);
    store.conversations().deactivate(ALICE, closedRecently.id(), java.util.OptionalLong.empty());
    clock.advance(Duration.ofDays(11));

    RetentionReport report = store.retention().apply(RetentionPolicy.deleteInactive(Duration.ofDays(30)));

    assertEquals(new RetentionReport(2, 0, 2), report);
    assertNoConversation(() -> reload(ALICE, closedLongAgo.id()));
    assertNoConversation(() -> reload(BOB, bobsClosed.id()));
    assertTrue(reload(ALICE, activeButIdle.id()).active(), "an active conversation stays, however idle");
    assertFalse(reload(ALICE, closedRecently.id()).active(), "deactivated 11 days ago: kept");
  }

  @Test
  void idleConversationsDeactivatedNowAreDeletedOnlyOnceInactiveLongerThanTheDuration() {
    Conversation c = start(ALICE);
    clock.advance(Duration.ofDays(31));
    RetentionPolicy policy = RetentionPolicy.deactivateIdle(Duration.ofDays(30)).andDeleteInactive(Duration.ofDays(60));

    assertEquals(new RetentionReport(0, 1, 0), store.retention().apply(policy));
    clock.advance(Duration.ofDays(29)); // 60 days without activity: not longer than 60
    assertEquals(RetentionReport.NOTHING, store.retention().apply(policy));
    clock.advance(Duration.ofDays(1));
    assertEquals(new RetentionReport(1, 0, 0), store.retention().apply(policy));
    assertNoConversation(() -> reload(ALICE, c.id()));
  }

  @Test
  void keepsOnlyTheNewestMessagesAndNeverReusesSequences() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 10);
    Conversation small = start(BOB);
    appendNumbered(BOB, small.id(), 2);

    RetentionReport report = store.retention().apply(RetentionPolicy.keepLast(3));

    assertEquals(new RetentionReport(0, 0, 7), report);
    assertEquals(List.of(8L, 9L, 10L), sequences(store.history().history(ALICE, c.id(), HistoryRequest.last(100))));
    Conversation after = reload(ALICE, c.id());
    assertEquals(3, after.messageCount());
    assertEquals(10, after.lastSequence());
    assertEquals(11, append(ALICE, c.id(), NewMessage.user("next")).get(0).sequence());
    assertEquals(2, reload(BOB, small.id()).messageCount());
  }

  @Test
  void trimmingNeverKeepsAToolResultWithoutItsCall() {
    Conversation c = start(ALICE);
    append(ALICE, c.id(), NewMessage.user("weather in Oslo?"),
        NewMessage.toolCalls("", new ToolCall("call_1", "weather", JsonObject.empty())),
        NewMessage.toolResult(ToolResult.of("call_1", "weather", ToolOutcome.SUCCESS), "4 C"),
        NewMessage.assistant("It is 4 C."));

    RetentionReport report = store.retention().apply(RetentionPolicy.keepLast(2));

    // The result's call would go, so the result goes with it: at most two messages, none orphaned.
    assertEquals(new RetentionReport(0, 0, 3), report);
    List<Message> window = store.history().history(ALICE, c.id(), HistoryRequest.last(100));
    assertEquals(List.of(4L), sequences(window));
    assertEquals(1, reload(ALICE, c.id()).messageCount());
  }

  @Test
  void policiesCombine() {
    Conversation old = start(ALICE);
    appendNumbered(ALICE, old.id(), 2);
    clock.advance(Duration.ofDays(40));
    Conversation busy = start(ALICE);
    appendNumbered(ALICE, busy.id(), 5);

    RetentionReport report = store.retention().apply(RetentionPolicy.deleteIdle(Duration.ofDays(30)).andKeepLast(4));

    assertEquals(new RetentionReport(1, 0, 3), report);
    assertEquals(4, reload(ALICE, busy.id()).messageCount());
  }

  @Test
  void purgeIdleSinceAnInstant() {
    Conversation old = start(ALICE);
    clock.advance(Duration.ofHours(2));
    Conversation fresh = start(BOB);

    RetentionReport report = store.retention().purgeIdleSince(T0.plus(Duration.ofHours(1)));

    assertEquals(1, report.conversationsDeleted());
    assertNoConversation(() -> reload(ALICE, old.id()));
    assertEquals(fresh, reload(BOB, fresh.id()));
  }

  @Test
  void deletedConversationsTakeTheirContextItems() {
    Conversation old = start(ALICE);
    store.context().add(ALICE, old.id(), NewContextItem.of(ContextSource.RAG, "x", 0.5));
    clock.advance(Duration.ofDays(2));
    store.retention().apply(RetentionPolicy.deleteIdle(Duration.ofDays(1)));
    assertNoConversation(() -> store.context().list(ALICE, old.id(), ContextQuery.all()));
  }

  @Test
  void badPoliciesAreRejected() {
    assertInvalid("idleFor", () -> RetentionPolicy.deleteIdle(Duration.ZERO));
    assertInvalid("idleFor", () -> RetentionPolicy.deleteIdle(Duration.ofDays(-1)));
    assertInvalid("keepLastMessages", () -> RetentionPolicy.keepLast(0));
    assertInvalid("inactiveFor", () -> RetentionPolicy.deleteInactive(Duration.ZERO));
    assertInvalid("inactiveFor", () -> RetentionPolicy.keepLast(3).andDeleteInactive(Duration.ofDays(-1)));
  }

  @Test
  void hugeDurationRemovesNothing() {
    Conversation c = start(ALICE);
    assertEquals(RetentionReport.NOTHING,
        store.retention().apply(RetentionPolicy.deleteIdle(Duration.ofDays(365L * 5000))));
    assertTrue(reload(ALICE, c.id()).active());
  }
}
