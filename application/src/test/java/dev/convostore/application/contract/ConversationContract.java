package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.ConversationView;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Starting, reading, changing and deleting conversations. */
public abstract class ConversationContract extends StoreContract {

  @Test
  void startStoresAnActiveEmptyConversationAtVersionOne() {
    Conversation started = start(ALICE, "Trip to Oslo");

    Conversation stored = reload(ALICE, started.id());
    assertEquals(started, stored);
    assertEquals(Optional.of("Trip to Oslo"), stored.title());
    assertTrue(stored.active());
    assertEquals(0, stored.messageCount());
    assertEquals(0, stored.lastSequence());
    assertEquals(1, stored.version());
    assertEquals(T0, stored.createdAt());
    assertEquals(T0, stored.updatedAt());
    assertEquals(AgentState.initial(), stored.agentState());
  }

  @Test
  void startKeepsMetadataExactly() {
    JsonObject metadata = JsonObject.of(
        "channel", "web", "priority", 2, "ratio", new BigDecimal("0.125"), "tags", List.of("a", "b"),
        "nested", Map.of("deep", Map.of("deeper", true)), "nothing", null, "text", "quote \" and \\ and \n");
    Conversation started = store.conversations().start(StartConversation.by(ALICE).withMetadata(metadata));

    assertEquals(metadata, reload(ALICE, started.id()).metadata());
  }

  @Test
  void metadataNumbersAndTextRoundTripExactly() {
    JsonObject metadata = JsonObject.of(
        "beyondLong", new BigDecimal("123456789012345678901234567890"),
        "pi", new BigDecimal("3.14159265358979323846264338327950288"),
        "tiny", new BigDecimal("-1E-400"), "huge", new BigDecimal("1E+400"), "negativeZero", -0.0,
        "unicode", "emoji \uD83D\uDE00, accents é, CJK 漢字, RTL עברית", "control", "bell \u0007 tab \t",
        "emptyText", "", "emptyObject", Map.of(), "emptyList", List.of());
    Conversation started = store.conversations().start(StartConversation.by(ALICE).withMetadata(metadata));

    JsonObject stored = reload(ALICE, started.id()).metadata();
    assertEquals(metadata, stored);
    assertEquals(metadata.toJson(), stored.toJson());
  }

  @Test
  void startUsesAHostChosenId() {
    ConversationId id = ConversationId.newId();
    Conversation started = store.conversations().start(StartConversation.by(ALICE).withId(id));

    assertEquals(id, started.id());
    assertEquals(id, reload(ALICE, id).id());
  }

  @Test
  void startWithAnIdInUseIsAConflictEvenForAnotherUser() {
    ConversationId id = start(ALICE).id();

    ConflictException error = assertThrows(ConflictException.class,
        () -> store.conversations().start(StartConversation.by(BOB).withId(id)));
    assertEquals(ConflictException.Reason.ID_IN_USE, error.reason());
    assertEquals(ALICE, reload(ALICE, id).owner());
  }

  @Test
  void theRevisionChangesWithEveryAppendChangeAndRedactionAndWithAConversationStartedAgain() {
    Conversation started = start(ALICE);
    ConversationId id = started.id();
    List<ConversationRevision> seen = new java.util.ArrayList<>(List.of(revision(id)));
    assertEquals(new ConversationRevision(T0, 0, 1), seen.get(0));
    assertEquals(seen.get(0), revision(id), "nothing happened: the same revision");

    clock.advance(Duration.ofSeconds(1));
    NewMessage secret = NewMessage.user("my pin is 1234");
    seen.add(revision(id, () -> append(ALICE, id, secret)));
    seen.add(revision(id, () -> store.conversations().rename(ALICE, id, "renamed")));
    Message stored = store.history().history(ALICE, id, HistoryRequest.last(1)).get(0);
    seen.add(revision(id, () -> store.messages().redact(ALICE, id, stored.id())));
    store.conversations().delete(ALICE, id);
    clock.advance(Duration.ofSeconds(1));
    store.conversations().start(StartConversation.by(ALICE).withId(id));
    seen.add(revision(id, () -> append(ALICE, id, secret)));

    assertEquals(seen.size(), Set.copyOf(seen).size(), "every revision differs: " + seen);
    assertEquals(new ConversationRevision(T0.plusSeconds(2), 1, 1), seen.get(seen.size() - 1));
    assertNoConversation(() -> store.conversations().revision(BOB, id));
    assertNoConversation(() -> store.conversations().revision(ALICE, ConversationId.newId()));
    assertInvalid("user", () -> store.conversations().revision(null, id));
    assertInvalid("conversationId", () -> store.conversations().revision(ALICE, null));
  }

  /** The revision after {@code change}, checked against the whole conversation's. */
  private ConversationRevision revision(ConversationId id, Runnable change) {
    change.run();
    return revision(id);
  }

  private ConversationRevision revision(ConversationId id) {
    ConversationRevision revision = store.conversations().revision(ALICE, id);
    assertEquals(reload(ALICE, id).revision(), revision);
    return revision;
  }

  @Test
  void newIdsAreTimeOrdered() {
    Conversation first = start(ALICE);
    Conversation second = start(ALICE);

    assertTrue(first.id().compareTo(second.id()) < 0);
    assertEquals(7, first.id().value().version());
  }

  @Test
  void timestampsKeepMicrosecondsAndDropNanoseconds() {
    clock.set(T0.plusNanos(789));
    Conversation started = start(ALICE);

    assertEquals(T0, started.createdAt());
    assertEquals(T0, reload(ALICE, started.id()).createdAt());
  }

  @Test
  void titleIsTrimmed() {
    assertEquals(Optional.of("Plans"), start(ALICE, "  Plans \t").title());
  }

  @Test
  void blankTitleIsRejected() {
    assertInvalid("title", () -> start(ALICE, "   "));
  }

  @Test
  void oversizeTitleIsRejected() {
    assertInvalid("title", () -> start(ALICE, "x".repeat(256)));
    assertInvalid("title", () -> store.conversations().rename(ALICE, start(ALICE).id(), "x".repeat(256), OptionalLong.empty()));
  }

  @Test
  void titlesOfUpTo255CharactersAreStored() {
    String longest = "é".repeat(255);
    Conversation started = start(ALICE, longest);
    Conversation renamed = store.conversations().rename(ALICE, start(ALICE).id(), "x".repeat(255), OptionalLong.empty());

    assertEquals(Optional.of(longest), reload(ALICE, started.id()).title());
    assertEquals(Optional.of("x".repeat(255)), reload(ALICE, renamed.id()).title());
  }

  @Test
  void titleWithNulIsRejected() {
    assertInvalid("title", () -> start(ALICE, "a\0b"));
  }

  @Test
  void titleWithUnpairedSurrogateIsRejected() {
    assertInvalid("title", () -> start(ALICE, "bad \uD800 surrogate"));
    assertEquals(Optional.of("emoji \uD83D\uDE00"), start(ALICE, "emoji \uD83D\uDE00").title());
  }

  @Test
  void oversizeMetadataIsRejectedAndNothingIsStored() {
    JsonObject huge = JsonObject.of("blob", "x".repeat(5_000));

    assertInvalid("metadata", () -> store.conversations().start(StartConversation.by(ALICE).withMetadata(huge)));
    assertTrue(store.conversations().list(dev.convostore.application.port.in.ListConversations.of(ALICE, 10))
        .conversations().isEmpty());
  }

  @Test
  void untitledConversationIsNamedByItsFirstUserMessage() {
    Conversation started = start(ALICE);
    append(ALICE, started.id(), NewMessage.system("You are helpful."));
    assertEquals(Optional.empty(), reload(ALICE, started.id()).title());

    append(ALICE, started.id(), NewMessage.user("  How do I\nbook a train   to Bergen?  "));
    append(ALICE, started.id(), NewMessage.user("Second question"));

    assertEquals(Optional.of("How do I book a train to Bergen?"), reload(ALICE, started.id()).title());
  }

  @Test
  void generatedTitleIsCutAtAWordBoundary() {
    Conversation started = start(ALICE);
    append(ALICE, started.id(), NewMessage.user(
        "Please summarise the quarterly report and list every action item for the team leads"));

    String title = reload(ALICE, started.id()).title().orElseThrow();
    assertEquals("Please summarise the quarterly report and list every action…", title);
  }

  @Test
  void givenTitleIsNotReplacedByMessages() {
    Conversation started = start(ALICE, "Mine");
    append(ALICE, started.id(), NewMessage.user("hello"));
    assertEquals(Optional.of("Mine"), reload(ALICE, started.id()).title());
  }

  @Test
  void getReturnsTheConversationWithAWindowOfMessages() {
    Conversation started = start(ALICE);
    appendNumbered(ALICE, started.id(), 5);

    ConversationView view = store.conversations().getWithWindow(ALICE, started.id(), HistoryRequest.last(2));
    assertEquals(5, view.conversation().messageCount());
    assertEquals(List.of("message 4", "message 5"), contents(view.messages()));
  }

  @Test
  void getOfUnknownConversationIsNotFound() {
    assertNoConversation(() -> store.conversations().get(ALICE, ConversationId.newId()));
  }

  @Test
  void renameChangesTitleVersionAndActivity() {
    Conversation started = start(ALICE, "Old");
    clock.advance(Duration.ofMinutes(5));

    Conversation renamed = store.conversations().rename(ALICE, started.id(), "New", OptionalLong.empty());

    assertEquals(Optional.of("New"), renamed.title());
    assertEquals(2, renamed.version());
    assertEquals(T0.plus(Duration.ofMinutes(5)), renamed.updatedAt());
    assertEquals(T0, renamed.createdAt());
    assertEquals(renamed, reload(ALICE, started.id()));
  }

  @Test
  void renameRejectsBadTitleAndKeepsTheOldOne() {
    Conversation started = start(ALICE, "Old");
    assertInvalid("title", () -> store.conversations().rename(ALICE, started.id(), "", OptionalLong.empty()));
    assertEquals(started, reload(ALICE, started.id()));
  }

  @Test
  void changeWithTheExpectedVersionSucceeds() {
    Conversation started = start(ALICE, "Old");
    Conversation renamed = store.conversations().rename(ALICE, started.id(), "New", OptionalLong.of(1));
    assertEquals(2, renamed.version());
  }

  @Test
  void changeWithAStaleVersionIsAConflictAndChangesNothing() {
    Conversation started = start(ALICE, "Old");
    store.conversations().rename(ALICE, started.id(), "Newer", OptionalLong.of(1));

    ConflictException error = assertThrows(ConflictException.class,
        () -> store.conversations().rename(ALICE, started.id(), "Lost update", OptionalLong.of(1)));
    assertEquals(ConflictException.Reason.VERSION_MISMATCH, error.reason());
    assertEquals(Optional.of("Newer"), reload(ALICE, started.id()).title());
  }

  @Test
  void deactivateAndReactivate() {
    Conversation started = start(ALICE);

    Conversation inactive = store.conversations().deactivate(ALICE, started.id(), OptionalLong.empty());
    assertFalse(inactive.active());
    assertFalse(reload(ALICE, started.id()).active());

    Conversation active = store.conversations().reactivate(ALICE, started.id(), OptionalLong.of(2));
    assertTrue(active.active());
    assertEquals(3, active.version());
  }

  @Test
  void updateMetadataReplacesIt() {
    Conversation started = store.conversations().start(
        StartConversation.by(ALICE).withMetadata(JsonObject.of("a", 1, "b", 2)));

    Conversation updated = store.conversations().updateMetadata(
        ALICE, started.id(), JsonObject.of("c", "three"), OptionalLong.empty());

    assertEquals(JsonObject.of("c", "three"), updated.metadata());
    assertEquals(JsonObject.of("c", "three"), reload(ALICE, started.id()).metadata());
  }

  @Test
  void updateMetadataRejectsOversizeJson() {
    Conversation started = start(ALICE);
    assertInvalid("metadata", () -> store.conversations().updateMetadata(
        ALICE, started.id(), JsonObject.of("blob", "y".repeat(5_000)), OptionalLong.empty()));
    assertEquals(JsonObject.empty(), reload(ALICE, started.id()).metadata());
  }

  @Test
  void updateAgentStateRoundTrips() {
    Conversation started = start(ALICE);
    AgentState state = new AgentState(
        7, List.of("billing", "refunds"), Optional.of("Where is my refund?"),
        Optional.of(new JsonArray(List.of(new JsonString("refund issued"), JsonObject.of("amount", 12.5)))));

    Conversation updated = store.conversations().updateAgentState(ALICE, started.id(), state, OptionalLong.of(1));

    assertEquals(state, updated.agentState());
    assertEquals(state, reload(ALICE, started.id()).agentState());
    assertEquals(2, updated.version());
  }

  @Test
  void agentStateRejectsRepeatedFocusAreas() {
    assertInvalid("agentState.focusAreas",
        () -> new AgentState(1, List.of("billing", "billing"), Optional.empty(), Optional.empty()));
  }

  @Test
  void agentStateRejectsNegativeSteps() {
    assertInvalid("agentState.stepCount",
        () -> new AgentState(-1, List.of(), Optional.empty(), Optional.empty()));
  }

  @Test
  void attributeChangesKeepMessageCountsWritten() {
    Conversation started = start(ALICE);
    appendNumbered(ALICE, started.id(), 3);

    Conversation renamed = store.conversations().rename(ALICE, started.id(), "After", OptionalLong.empty());

    assertEquals(3, renamed.messageCount());
    assertEquals(3, renamed.lastSequence());
  }

  @Test
  void appendsDoNotChangeTheVersion() {
    Conversation started = start(ALICE);
    appendNumbered(ALICE, started.id(), 2);

    assertEquals(1, reload(ALICE, started.id()).version());
    assertEquals("Renamed",
        store.conversations().rename(ALICE, started.id(), "Renamed", OptionalLong.of(1)).title().orElseThrow());
  }

  @Test
  void deleteRemovesTheConversationAndEverythingInIt() {
    Conversation started = start(ALICE);
    appendNumbered(ALICE, started.id(), 3);

    store.conversations().delete(ALICE, started.id());

    assertNoConversation(() -> store.conversations().get(ALICE, started.id()));
    assertTrue(store.history().recentActivity(ALICE, 10).isEmpty());
    assertNoConversation(() -> store.conversations().delete(ALICE, started.id()));
  }

  @Test
  void changingAnUnknownConversationIsNotFound() {
    ConversationId unknown = ConversationId.newId();
    assertNoConversation(() -> store.conversations().rename(ALICE, unknown, "x", OptionalLong.empty()));
    assertNoConversation(() -> store.conversations().deactivate(ALICE, unknown, OptionalLong.empty()));
    assertNoConversation(() -> store.conversations().reactivate(ALICE, unknown, OptionalLong.of(1)));
  }

  @Test
  void concurrentUnconditionalChangesAreNotLost() throws Exception {
    Conversation started = start(ALICE);
    int writers = 8;
    Thread[] threads = new Thread[writers];
    for (int i = 0; i < writers; i++) {
      int n = i;
      threads[i] = new Thread(() -> {
        for (int j = 0; j < 10; j++) {
          store.conversations().rename(ALICE, started.id(), "w" + n + "-" + j, OptionalLong.empty());
        }
      });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(1 + writers * 10, reload(ALICE, started.id()).version());
  }

  @Test
  void differentConversationsHaveDifferentIds() {
    assertNotEquals(start(ALICE).id(), start(ALICE).id());
  }
}
