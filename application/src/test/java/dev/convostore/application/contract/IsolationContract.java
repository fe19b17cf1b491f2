package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every operation tried by another user: Alice's conversation behaves for Bob exactly as one that
 * does not exist, with the same error, and nothing of Alice's changes.
 */
public abstract class IsolationContract extends StoreContract {

  private Conversation alices;
  private ContextItem alicesItem;
  private ConversationSnapshot before;

  @BeforeEach
  void alicesConversation() {
    alices = start(ALICE, "private");
    append(ALICE, alices.id(), NewMessage.user("my secret plan"), NewMessage.assistant("noted"));
    alicesItem = store.context().add(ALICE, alices.id(), NewContextItem.of(ContextSource.RAG, "secret doc", 0.9));
    alices = reload(ALICE, alices.id());
    before = snapshot();
  }

  private ConversationSnapshot snapshot() {
    try (Stream<ConversationSnapshot> all = store.transfer().export(ALICE)) {
      return all.findFirst().orElseThrow();
    }
  }

  /** Bob's call on Alice's conversation fails exactly as on a conversation that does not exist. */
  private void assertHiddenFromBob(java.util.function.Function<ConversationId, Executable> call) {
    ConversationId unknown = ConversationId.newId();
    NotFoundException onAlices = assertThrows(NotFoundException.class, call.apply(alices.id()));
    NotFoundException onUnknown = assertThrows(NotFoundException.class, call.apply(unknown));
    assertEquals(onUnknown.what(), onAlices.what());
    assertEquals(onUnknown.getMessage().replace(unknown.toString(), "ID"),
        onAlices.getMessage().replace(alices.id().toString(), "ID"));
    assertEquals(before, snapshot());
  }

  @Test
  void getIsHidden() {
    assertHiddenFromBob(id -> () -> store.conversations().get(BOB, id));
  }

  @Test
  void renameIsHidden() {
    assertHiddenFromBob(id -> () -> store.conversations().rename(BOB, id, "mine now", OptionalLong.empty()));
  }

  @Test
  void deactivateAndReactivateAreHidden() {
    assertHiddenFromBob(id -> () -> store.conversations().deactivate(BOB, id, OptionalLong.empty()));
    assertHiddenFromBob(id -> () -> store.conversations().reactivate(BOB, id, OptionalLong.of(1)));
  }

  @Test
  void metadataAndAgentStateUpdatesAreHidden() {
    assertHiddenFromBob(id -> () -> store.conversations().updateMetadata(BOB, id, JsonObject.of("x", 1), OptionalLong.empty()));
    assertHiddenFromBob(id -> () -> store.conversations().updateAgentState(BOB, id, AgentState.initial(), OptionalLong.empty()));
  }

  @Test
  void deleteIsHidden() {
    assertHiddenFromBob(id -> () -> store.conversations().delete(BOB, id));
  }

  @Test
  void appendIsHidden() {
    assertHiddenFromBob(id -> () -> store.messages().append(BOB, id, NewMessage.user("injected")));
    assertHiddenFromBob(id -> () -> store.messages().append(
        AppendMessages.of(BOB, id, NewMessage.user("injected")).expectingLastSequence(2)));
  }

  @Test
  void historyAndStatisticsAreHidden() {
    assertHiddenFromBob(id -> () -> store.history().history(BOB, id, HistoryRequest.last(10)));
    assertHiddenFromBob(id -> () -> store.history().history(BOB, id, HistoryRequest.after(0, 10)));
    assertHiddenFromBob(id -> () -> store.history().statistics(BOB, id));
    MessageId alicesMessage = store.history().history(ALICE, alices.id(), HistoryRequest.last(1)).get(0).id();
    assertHiddenFromBob(id -> () -> store.history().message(BOB, id, alicesMessage));
  }

  @Test
  void contextItemsAreHidden() {
    assertHiddenFromBob(id -> () -> store.context().add(BOB, id, NewContextItem.of(ContextSource.RAG, "x", 0.1)));
    assertHiddenFromBob(id -> () -> store.context().list(BOB, id, ContextQuery.all()));
    assertThrows(NotFoundException.class, () -> store.context().remove(BOB, alices.id(), alicesItem.id()));
    assertEquals(before, snapshot());
  }

  @Test
  void listingRecentActivityAndSearchShowNothingOfAlices() {
    assertTrue(store.conversations().list(ListConversations.of(BOB, 100)).conversations().isEmpty());
    assertTrue(store.history().recentActivity(BOB, 100).isEmpty());
    assertTrue(store.history().search(BOB, "secret", 100).isEmpty());
    try (Stream<ConversationSnapshot> bobs = store.transfer().export(BOB)) {
      assertEquals(0, bobs.count());
    }
  }

  @Test
  void aCursorFromAlicesListingIsRefusedToBob() {
    start(ALICE);
    String cursor = store.conversations().list(ListConversations.of(ALICE, 1)).nextCursor().orElseThrow();
    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(BOB, 10).after(cursor)));
  }

  @Test
  void erasingBobLeavesAlicesData() {
    Conversation bobs = start(BOB);
    append(BOB, bobs.id(), NewMessage.user("bob's"));
    store.conversations().eraseUser(BOB);
    assertEquals(before, snapshot());
  }

  @Test
  void sameContentForTwoUsersStaysSeparate() {
    Conversation bobs = start(BOB, "private");
    append(BOB, bobs.id(), NewMessage.user("my secret plan"));
    assertEquals(List.of(bobs.id()), store.history().search(BOB, "secret plan", 10).stream()
        .map(m -> m.conversationId()).toList());
    assertEquals(List.of(alices.id()), store.history().search(ALICE, "secret plan", 10).stream()
        .map(m -> m.conversationId()).toList());
  }

  @Test
  void userIdsAreExactNotCaseFolded() {
    dev.convostore.domain.UserId upper = dev.convostore.domain.UserId.of("ALICE");
    assertThrows(NotFoundException.class, () -> store.conversations().get(upper, alices.id()));
    assertTrue(store.conversations().list(ListConversations.of(upper, 10)).conversations().isEmpty());
  }
}
