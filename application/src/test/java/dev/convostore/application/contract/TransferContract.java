package dev.convostore.application.contract;

import static dev.convostore.application.contract.TestMessages.call;
import static dev.convostore.application.contract.TestMessages.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ImportReport;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.RetentionPolicy;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whole conversations: export, import, save (upsert) and erasure. */
public abstract class TransferContract extends StoreContract {

  /** A conversation with everything a conversation can hold. */
  private Conversation richConversation(dev.convostore.domain.UserId user, String title) {
    Conversation c = store.conversations().start(
        StartConversation.by(user).titled(title).withMetadata(JsonObject.of("channel", "web")));
    clock.advance(Duration.ofSeconds(1));
    List<Message> messages = append(user, c.id(), NewMessage.system("Be brief."), NewMessage.user("Weather in Oslo?"),
        call("c1", "weather"), result("c1", "weather"), NewMessage.assistant("4 °C").withMetadata(JsonObject.of("tokens", 7)));
    store.messages().giveFeedback(user, c.id(), messages.get(4).id(), Feedback.of(1).withLabel("helpful").withComment("Short."));
    store.messages().giveFeedback(user, c.id(), messages.get(2).id(), Feedback.of(-0.5));
    store.context().add(user, c.id(), NewContextItem.of(ContextSource.LONG_TERM_MEMORY, "Lives in Oslo", 0.8)
        .withFocusArea("weather"));
    store.conversations().updateAgentState(user, c.id(),
        new AgentState(3, List.of("weather"), Optional.of("Weather in Oslo?"), Optional.of(JsonObject.of("temp", 4))),
        OptionalLong.empty());
    return c;
  }

  private List<ConversationSnapshot> exportAll(UseCases from) {
    try (Stream<ConversationSnapshot> snapshots = from.transfer().exportAll()) {
      return snapshots.toList();
    }
  }

  @Test
  void exportHoldsWholeConversationsInIdOrder() {
    Conversation first = richConversation(ALICE, "first");
    Conversation second = richConversation(BOB, "second");

    List<ConversationSnapshot> exported = exportAll(store);

    assertEquals(List.of(first.id(), second.id()), exported.stream().map(s -> s.conversation().id()).toList());
    ConversationSnapshot snapshot = exported.get(0);
    assertEquals(reload(ALICE, first.id()), snapshot.conversation());
    assertEquals(store.history().history(ALICE, first.id(), HistoryRequest.last(100)), snapshot.messages());
    assertEquals(store.context().list(ALICE, first.id(), ContextQuery.all()), snapshot.contextItems());
  }

  @Test
  void exportOfOneUserHoldsOnlyTheirs() {
    richConversation(ALICE, "a");
    Conversation bobs = richConversation(BOB, "b");
    try (Stream<ConversationSnapshot> snapshots = store.transfer().export(BOB)) {
      assertEquals(List.of(bobs.id()), snapshots.map(s -> s.conversation().id()).toList());
    }
  }

  @Test
  void exportThenImportIntoAnEmptyStoreGivesIdenticalConversations() {
    richConversation(ALICE, "one");
    richConversation(ALICE, "two");
    richConversation(BOB, "three");
    List<ConversationSnapshot> exported = exportAll(store);

    try (Storage target = openStorage()) {
      UseCases other = UseCases.over(target, clock, limits());
      ImportReport report = other.transfer().importAll(exported.iterator(), ImportMode.NEVER_BACKWARDS);

      assertEquals(new ImportReport(3, 15, 3, 0), report);
      assertEquals(exported, exportAll(other));
      assertEquals(List.of(-0.5, 1.0), exported.get(0).feedback().stream().map(f -> f.feedback().rating()).toList(),
          "feedback travels with its conversation, in message order");
    }
  }

  @Test
  void reimportChangesNothing() {
    richConversation(ALICE, "one");
    List<ConversationSnapshot> exported = exportAll(store);

    store.transfer().importAll(exported.iterator(), ImportMode.NEVER_BACKWARDS);
    store.transfer().importAll(exported.iterator(), ImportMode.NEVER_BACKWARDS);

    assertEquals(exported, exportAll(store));
  }

  @Test
  void importedConversationKeepsTrimmedSequencesAndContinuesAfterThem() {
    Conversation c = start(ALICE);
    appendNumbered(ALICE, c.id(), 6);
    store.retention().apply(RetentionPolicy.keepLast(2));
    List<ConversationSnapshot> exported = exportAll(store);

    try (Storage target = openStorage()) {
      UseCases other = UseCases.over(target, clock, limits());
      other.transfer().importAll(exported.iterator(), ImportMode.NEVER_BACKWARDS);
      assertEquals(List.of(5L, 6L), sequences(other.history().history(ALICE, c.id(), HistoryRequest.last(10))));
      assertEquals(7, other.messages().append(ALICE, c.id(), NewMessage.user("next")).sequence());
    }
  }

  @Test
  void saveReplacesAWholeConversation() {
    Conversation c = richConversation(ALICE, "before");
    ConversationSnapshot original = exportAll(store).get(0);
    Message kept = original.messages().get(0);
    Conversation changed = new Conversation(c.id(), ALICE, Optional.of("after"), false, c.createdAt(),
        c.createdAt().plusSeconds(60), 1, 9, JsonObject.of("channel", "import"), AgentState.initial(), 5);

    Conversation saved = store.conversations().save(ALICE, new ConversationSnapshot(changed, List.of(kept), List.of()));

    assertEquals(changed, saved);
    ConversationSnapshot after = exportAll(store).get(0);
    assertEquals(List.of(kept), after.messages());
    assertTrue(after.contextItems().isEmpty());
    assertEquals(10, store.messages().append(ALICE, c.id(), NewMessage.user("continues")).sequence());
  }

  @Test
  void saveCreatesANewConversation() {
    ConversationId id = ConversationId.newId();
    Conversation conversation = new Conversation(id, ALICE, Optional.of("imported"), true, T0, T0.plusSeconds(5),
        2, 2, JsonObject.empty(), AgentState.initial(), 1);
    Message one = NewMessage.user("hi").toMessage(MessageId.newId(), id, ALICE, 1, T0);
    Message two = NewMessage.assistant("hello").toMessage(MessageId.newId(), id, ALICE, 2, T0.plusSeconds(5));
    ContextItem item = new ContextItem(ContextItemId.newId(), id, NewContextItem.of(ContextSource.RAG, "doc", 0.3), T0);

    store.conversations().save(ALICE, new ConversationSnapshot(conversation, List.of(one, two), List.of(item)));

    assertEquals(conversation, reload(ALICE, id));
    assertEquals(List.of(one, two), store.history().history(ALICE, id, HistoryRequest.last(10)));
    assertEquals(List.of(item), store.context().list(ALICE, id, ContextQuery.all()));
    assertEquals(List.of(two, one), store.history().recentActivity(ALICE, 10));
    assertEquals(List.of(two), store.history().search(ALICE, "hello", 10));
  }

  @Test
  void aSnapshotBuiltMessageByMessageIsSavedWhole() {
    ConversationSnapshot snapshot = ConversationSnapshot.builder(ConversationId.newId(), ALICE, T0)
        .title("built")
        .message(NewMessage.user("what is the weather in Oslo"), T0)
        .message(NewMessage.toolCalls("", new ToolCall("c1", "weather", JsonObject.of("city", "Oslo"))), T0.plusSeconds(1))
        .message(NewMessage.toolResult(ToolResult.of("c1", "weather", ToolOutcome.SUCCESS), "4 degrees"), T0.plusSeconds(2))
        .contextItem(NewContextItem.of(ContextSource.RAG, "climate notes", 0.5), T0)
        .build();
    ConversationId id = snapshot.conversation().id();

    store.conversations().save(ALICE, snapshot);

    assertEquals(snapshot.conversation(), reload(ALICE, id));
    assertEquals(T0.plusSeconds(2), reload(ALICE, id).updatedAt());
    List<Message> stored = store.history().history(ALICE, id, HistoryRequest.last(10));
    assertEquals(snapshot.messages(), stored);
    assertEquals(List.of(1L, 2L, 3L), stored.stream().map(Message::sequence).toList());
    assertEquals(snapshot.contextItems(), store.context().list(ALICE, id, ContextQuery.all()));
    assertEquals(4, store.messages().append(ALICE, id, NewMessage.user("and tomorrow")).sequence());
  }

  @Test
  void saveOfAnotherUsersConversationIdIsAConflictAndChangesNothing() {
    Conversation alices = richConversation(ALICE, "mine");
    ConversationSnapshot original = exportAll(store).get(0);
    Conversation hijack = new Conversation(alices.id(), BOB, Optional.of("stolen"), true, T0, T0, 0, 0,
        JsonObject.empty(), AgentState.initial(), 1);

    ConflictException error = assertThrows(ConflictException.class,
        () -> store.conversations().save(BOB, new ConversationSnapshot(hijack, List.of(), List.of())));
    assertEquals(ConflictException.Reason.ID_IN_USE, error.reason());
    assertEquals(List.of(original), exportAll(store));
  }

  @Test
  void saveForAnotherOwnerIsRejected() {
    Conversation conversation = Conversation.start(ConversationId.newId(), BOB, Optional.empty(), JsonObject.empty(), T0);
    assertInvalid("conversation.owner", () -> store.conversations().save(ALICE,
        new ConversationSnapshot(conversation, List.of(), List.of())));
  }

  @Test
  void inconsistentSnapshotsAreRejected() {
    ConversationId id = ConversationId.newId();
    Conversation twoMessages = new Conversation(id, ALICE, Optional.empty(), true, T0, T0, 2, 2,
        JsonObject.empty(), AgentState.initial(), 1);
    Message one = NewMessage.user("a").toMessage(MessageId.newId(), id, ALICE, 1, T0);
    Message foreign = NewMessage.user("b").toMessage(MessageId.newId(), ConversationId.newId(), ALICE, 2, T0);
    Message outOfOrder = NewMessage.user("c").toMessage(MessageId.newId(), id, ALICE, 1, T0);

    assertInvalid("conversation.messageCount", () -> new ConversationSnapshot(twoMessages, List.of(one), List.of()));
    assertInvalid("messages[1]", () -> new ConversationSnapshot(twoMessages, List.of(one, foreign), List.of()));
    assertInvalid("messages[1].sequence", () -> new ConversationSnapshot(twoMessages, List.of(one, outOfOrder), List.of()));
  }

  @Test
  void oversizeImportedContentIsRejectedBeforeAnythingIsStored() {
    ConversationId id = ConversationId.newId();
    Conversation c = new Conversation(id, ALICE, Optional.empty(), true, T0, T0, 1, 1,
        JsonObject.empty(), AgentState.initial(), 1);
    Message huge = NewMessage.user("x".repeat(limits().maxContentLength() + 1)).toMessage(MessageId.newId(), id, ALICE, 1, T0);

    assertInvalid("messages[0].content",
        () -> store.conversations().save(ALICE, new ConversationSnapshot(c, List.of(huge), List.of())));
    assertNoConversation(() -> reload(ALICE, id));
  }

  @Test
  void importStopsAtTheFirstBadSnapshotKeepingTheEarlierOnes() {
    richConversation(ALICE, "good");
    ConversationSnapshot good = exportAll(store).get(0);
    Conversation taken = richConversation(BOB, "bob's");
    Conversation clash = new Conversation(taken.id(), ALICE, Optional.empty(), true, T0, T0, 0, 0,
        JsonObject.empty(), AgentState.initial(), 1);

    try (Storage target = openStorage()) {
      UseCases other = UseCases.over(target, clock, limits());
      other.conversations().start(StartConversation.by(BOB).withId(taken.id()));
      assertThrows(ConflictException.class, () -> other.transfer().importAll(
          List.of(good, new ConversationSnapshot(clash, List.of(), List.of())).iterator(), ImportMode.NEVER_BACKWARDS));
      assertEquals(List.of(good.conversation()), other.conversations().list(ListConversations.of(ALICE, 10)).conversations());
    }
  }

  @Test
  void anImportOfMoreThanOneTransactionStoresEveryConversationWhole() {
    int conversations = 30; // 30 x 251 rows: more than an import writes per transaction
    List<ConversationSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < conversations; i++) {
      ConversationSnapshot.Builder snapshot = ConversationSnapshot.builder(ConversationId.newId(), ALICE, T0).title("bulk " + i);
      for (int m = 0; m < 250; m++) {
        snapshot.message(NewMessage.user("bulk " + i + " message " + m), T0.plusSeconds(m));
      }
      snapshots.add(snapshot.build());
    }

    ImportReport report = store.transfer().importAll(snapshots.iterator(), ImportMode.NEVER_BACKWARDS);

    assertEquals(new ImportReport(conversations, conversations * 250L, 0, 0), report);
    for (ConversationSnapshot snapshot : snapshots) {
      assertEquals(snapshot.messages(), store.history().history(ALICE, snapshot.conversation().id(), HistoryRequest.last(1_000)));
    }
    assertEquals(new ImportReport(0, 0, 0, conversations),
        store.transfer().importAll(snapshots.iterator(), ImportMode.NEVER_BACKWARDS), "importing again changes nothing");
  }

  @Test
  void aConversationTwiceInOneImportIsCheckedAgainstItsFirstState() {
    Conversation c = richConversation(ALICE, "twice");
    ConversationSnapshot older = exportAll(store).get(0);
    clock.advance(Duration.ofMinutes(1));
    append(ALICE, c.id(), NewMessage.user("one more"));
    ConversationSnapshot newer = exportAll(store).get(0);

    try (Storage target = openStorage()) {
      UseCases other = UseCases.over(target, clock, limits());
      assertEquals(new ImportReport(1, 6, 1, 1),
          other.transfer().importAll(List.of(newer, newer).iterator(), ImportMode.NEVER_BACKWARDS));
    }
    try (Storage target = openStorage()) {
      UseCases other = UseCases.over(target, clock, limits());
      ConflictException backwards = assertThrows(ConflictException.class,
          () -> other.transfer().importAll(List.of(newer, older).iterator(), ImportMode.NEVER_BACKWARDS));
      assertEquals(ConflictException.Reason.OLDER_THAN_STORED, backwards.reason());
      assertEquals(List.of(newer), exportAll(other));
    }
  }

  @Test
  void importOfAnOlderStateIsAConflictAndChangesNothing() {
    Conversation c = richConversation(ALICE, "growing");
    List<ConversationSnapshot> older = exportAll(store);
    clock.advance(Duration.ofMinutes(1));
    append(ALICE, c.id(), NewMessage.user("two more"), NewMessage.assistant("messages"));
    List<ConversationSnapshot> newer = exportAll(store);

    ConflictException checked = assertThrows(ConflictException.class,
        () -> store.transfer().checkImport(older.get(0), ImportMode.NEVER_BACKWARDS));
    ConflictException imported = assertThrows(ConflictException.class,
        () -> store.transfer().importAll(older.iterator(), ImportMode.NEVER_BACKWARDS));

    assertEquals(ConflictException.Reason.OLDER_THAN_STORED, checked.reason());
    assertEquals(ConflictException.Reason.OLDER_THAN_STORED, imported.reason());
    assertEquals(newer, exportAll(store));
    assertEquals(8, append(ALICE, c.id(), NewMessage.user("next")).get(0).sequence());
  }

  @Test
  void replacingRestoresAnOlderStateRaisesItsVersionAndNeverReusesSequences() {
    Conversation c = richConversation(ALICE, "restored");
    ConversationSnapshot older = exportAll(store).get(0);
    clock.advance(Duration.ofMinutes(1));
    append(ALICE, c.id(), NewMessage.user("two more"), NewMessage.assistant("messages"));
    long versionBefore = reload(ALICE, c.id()).version();

    ImportReport report = store.transfer().importAll(List.of(older).iterator(), ImportMode.REPLACE);

    assertEquals(new ImportReport(1, 5, 1, 0), report);
    Conversation after = reload(ALICE, c.id());
    assertEquals(versionBefore + 1, after.version());
    assertEquals(7, after.lastSequence(), "the sequences given before the restore stay given");
    assertEquals(older.messages(), store.history().history(ALICE, c.id(), HistoryRequest.last(100)));
    assertEquals(8, append(ALICE, c.id(), NewMessage.user("next")).get(0).sequence());
  }

  @Test
  void importOfANewerStateReplacesRaisingTheVersionAndImportingItAgainChangesNothing() {
    Conversation c = richConversation(ALICE, "moving");
    List<ConversationSnapshot> older = exportAll(store);
    clock.advance(Duration.ofMinutes(1));
    append(ALICE, c.id(), NewMessage.user("later"));
    List<ConversationSnapshot> newer = exportAll(store);

    try (Storage target = openStorage()) {
      UseCases other = UseCases.over(target, clock, limits());
      other.transfer().importAll(older.iterator(), ImportMode.NEVER_BACKWARDS);
      ImportReport replaced = other.transfer().importAll(newer.iterator(), ImportMode.NEVER_BACKWARDS);
      Conversation stored = other.conversations().get(ALICE, c.id());
      ImportReport again = other.transfer().importAll(newer.iterator(), ImportMode.NEVER_BACKWARDS);

      assertEquals(new ImportReport(1, 6, 1, 0), replaced);
      assertEquals(newer.get(0).conversation().version() + 1, stored.version());
      assertEquals(newer.get(0).messages(), other.history().history(ALICE, c.id(), HistoryRequest.last(100)));
      assertEquals(new ImportReport(0, 0, 0, 1), again);
      assertEquals(stored, other.conversations().get(ALICE, c.id()));
    }
  }

  @Test
  void importNeverChangesAConversationsOwnerEvenWhenReplacing() {
    Conversation bobs = richConversation(BOB, "bob's");
    List<ConversationSnapshot> before = exportAll(store);
    Conversation hijack = new Conversation(bobs.id(), ALICE, Optional.of("mine now"), true, T0, T0.plusSeconds(3600),
        0, 99, JsonObject.empty(), AgentState.initial(), 9);
    ConversationSnapshot line = new ConversationSnapshot(hijack, List.of(), List.of());

    for (ImportMode mode : ImportMode.values()) {
      assertEquals(ConflictException.Reason.ID_IN_USE,
          assertThrows(ConflictException.class, () -> store.transfer().checkImport(line, mode)).reason());
      assertEquals(ConflictException.Reason.ID_IN_USE, assertThrows(ConflictException.class,
          () -> store.transfer().importAll(List.of(line).iterator(), mode)).reason());
    }
    assertEquals(before, exportAll(store));
  }

  @Test
  void checkingAnImportStoresNothingAndAppliesTheLimits() {
    ConversationId id = ConversationId.newId();
    Conversation c = new Conversation(id, ALICE, Optional.empty(), true, T0, T0, 1, 1,
        JsonObject.empty(), AgentState.initial(), 1);
    Message fine = NewMessage.user("fine").toMessage(MessageId.newId(), id, ALICE, 1, T0);
    Message huge = NewMessage.user("x".repeat(limits().maxContentLength() + 1)).toMessage(MessageId.newId(), id, ALICE, 1, T0);

    store.transfer().checkImport(new ConversationSnapshot(c, List.of(fine), List.of()), ImportMode.NEVER_BACKWARDS);
    assertInvalid("messages[0].content", () -> store.transfer().checkImport(
        new ConversationSnapshot(c, List.of(huge), List.of()), ImportMode.NEVER_BACKWARDS));
    assertNoConversation(() -> reload(ALICE, id));
  }

  @Test
  void eraseUserRemovesEverythingTheyOwnAndNothingElse() {
    richConversation(ALICE, "a1");
    richConversation(ALICE, "a2");
    Conversation bobs = richConversation(BOB, "b");
    ConversationSnapshot bobsBefore = exportAll(store).get(2);

    ErasureReport report = store.conversations().eraseUser(ALICE);

    assertEquals(new ErasureReport(2, 10, 2), report);
    assertTrue(store.conversations().list(ListConversations.of(ALICE, 10)).conversations().isEmpty());
    assertTrue(store.history().recentActivity(ALICE, 10).isEmpty());
    assertTrue(store.history().search(ALICE, "oslo", 10).isEmpty());
    assertEquals(List.of(bobsBefore), exportAll(store));
    assertEquals(bobs.id(), bobsBefore.conversation().id());
  }

  @Test
  void erasingAUserWithNothingIsNoError() {
    assertEquals(new ErasureReport(0, 0, 0), store.conversations().eraseUser(ALICE));
  }
}
