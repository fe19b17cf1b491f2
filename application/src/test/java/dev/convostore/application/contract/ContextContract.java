package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NotFoundException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Context items: add, list by source and relevance, top-K, remove. */
public abstract class ContextContract extends StoreContract {

  private ContextItem add(ConversationId id, ContextSource source, String content, double relevance) {
    clock.advance(Duration.ofMillis(1));
    return store.context().add(ALICE, id, NewContextItem.of(source, content, relevance));
  }

  private List<String> list(ConversationId id, ContextQuery query) {
    return contents(store.context().list(ALICE, id, query), ContextItem::content);
  }

  @Test
  void addStoresEveryFieldExactly() {
    Conversation c = start(ALICE);
    NewContextItem details = NewContextItem.of(ContextSource.USER_PREFERENCE, "Prefers window seats", 0.875)
        .withContextType("travel").withOriginalRole(MessageRole.USER).withFocusArea("booking")
        .withPreferenceType("seating").withMetadata(JsonObject.of("confidence", "high"));

    ContextItem added = store.context().add(ALICE, c.id(), details);

    assertEquals(details, added.details());
    assertEquals(c.id(), added.conversationId());
    assertEquals(T0, added.createdAt());
    assertEquals(List.of(added), store.context().list(ALICE, c.id(), ContextQuery.all()));
  }

  @Test
  void hostDefinedSourcesAreAccepted() {
    Conversation c = start(ALICE);
    ContextItem added = add(c.id(), ContextSource.of("crm.notes"), "VIP customer", 1.0);
    assertEquals("crm.notes", store.context().list(ALICE, c.id(), ContextQuery.all()).get(0).source().name());
    assertEquals(added.id(), store.context().list(ALICE, c.id(), ContextQuery.all()).get(0).id());
  }

  @Test
  void listIsInTheOrderItemsWereAdded() {
    Conversation c = start(ALICE);
    add(c.id(), ContextSource.RAG, "first", 0.2);
    add(c.id(), ContextSource.RAG, "second", 0.9);
    add(c.id(), ContextSource.FOCUS, "third", 0.5);

    assertEquals(List.of("first", "second", "third"), list(c.id(), ContextQuery.all()));
  }

  @Test
  void listFiltersBySourceAndMinimumRelevance() {
    Conversation c = start(ALICE);
    add(c.id(), ContextSource.RAG, "rag low", 0.2);
    add(c.id(), ContextSource.RAG, "rag high", 0.9);
    add(c.id(), ContextSource.LONG_TERM_MEMORY, "memory", 0.7);
    add(c.id(), ContextSource.FOCUS, "focus", 0.95);

    assertEquals(List.of("rag low", "rag high"), list(c.id(), ContextQuery.all().fromSources(ContextSource.RAG)));
    assertEquals(List.of("rag high", "memory"), list(c.id(),
        ContextQuery.all().fromSources(ContextSource.RAG, ContextSource.LONG_TERM_MEMORY).withMinRelevance(0.5)));
    assertEquals(List.of("rag high", "focus"), list(c.id(), ContextQuery.all().withMinRelevance(0.9)));
  }

  @Test
  void listFiltersByContextTypeFocusAreaAndPreferenceType() {
    Conversation c = start(ALICE);
    List<NewContextItem> items = List.of(
        NewContextItem.of(ContextSource.LONG_TERM_MEMORY, "likes trains", 0.8).withContextType("preference")
            .withPreferenceType("travel").withFocusArea("trip planning"),
        NewContextItem.of(ContextSource.LONG_TERM_MEMORY, "vegetarian", 0.7).withContextType("preference")
            .withPreferenceType("food"),
        NewContextItem.of(ContextSource.RAG, "Lisbon guide", 0.9).withContextType("document").withFocusArea("trip planning"),
        NewContextItem.of(ContextSource.RAG, "untyped", 0.9));
    for (NewContextItem item : items) {
      clock.advance(Duration.ofMillis(1));
      store.context().add(ALICE, c.id(), item);
    }

    assertEquals(List.of("likes trains", "vegetarian"), list(c.id(), ContextQuery.all().ofContextTypes("preference")));
    assertEquals(List.of("likes trains", "Lisbon guide"), list(c.id(), ContextQuery.all().inFocusAreas("trip planning")));
    assertEquals(List.of("vegetarian"), list(c.id(), ContextQuery.all().ofPreferenceTypes("food", "music")));
    assertEquals(List.of("Lisbon guide"), list(c.id(),
        ContextQuery.topK(5).ofContextTypes("document", "preference").inFocusAreas("trip planning").withMinRelevance(0.85)));
    assertEquals(List.of("likes trains"), list(c.id(),
        ContextQuery.all().fromSources(ContextSource.LONG_TERM_MEMORY).inFocusAreas("trip planning")));
    assertInvalid("contextTypes", () -> ContextQuery.all().ofContextTypes(" "));
    assertInvalid("focusAreas", () -> ContextQuery.all().inFocusAreas("x".repeat(201)));
  }

  @Test
  void minimumRelevanceIsInclusive() {
    Conversation c = start(ALICE);
    add(c.id(), ContextSource.RAG, "exactly", 0.5);
    assertEquals(List.of("exactly"), list(c.id(), ContextQuery.all().withMinRelevance(0.5)));
  }

  @Test
  void topKIsMostRelevantFirstWithNewestBreakingTies() {
    Conversation c = start(ALICE);
    add(c.id(), ContextSource.RAG, "a", 0.5);
    add(c.id(), ContextSource.RAG, "b", 0.9);
    add(c.id(), ContextSource.RAG, "c", 0.5);
    add(c.id(), ContextSource.RAG, "d", 0.1);

    assertEquals(List.of("b", "c", "a"), contents(store.context().topK(ALICE, c.id(), 3), ContextItem::content));
    assertEquals(List.of("b"), list(c.id(), ContextQuery.topK(5).withMinRelevance(0.6)));
  }

  @Test
  void boundaryRelevancesAreAccepted() {
    Conversation c = start(ALICE);
    add(c.id(), ContextSource.RAG, "zero", 0.0);
    add(c.id(), ContextSource.RAG, "one", 1.0);
    assertEquals(List.of("one", "zero"), list(c.id(), ContextQuery.topK(2)));
  }

  @Test
  void badItemsAreRejected() {
    assertInvalid("relevance", () -> NewContextItem.of(ContextSource.RAG, "x", 1.01));
    assertInvalid("relevance", () -> NewContextItem.of(ContextSource.RAG, "x", -0.1));
    assertInvalid("relevance", () -> NewContextItem.of(ContextSource.RAG, "x", Double.NaN));
    assertInvalid("content", () -> NewContextItem.of(ContextSource.RAG, " ", 0.5));
    assertInvalid("source", () -> ContextSource.of("Not A Source"));
    assertInvalid("minRelevance", () -> ContextQuery.all().withMinRelevance(Double.NaN));
  }

  @Test
  void oversizeContentIsRejectedAndNothingStored() {
    Conversation c = start(ALICE);
    assertInvalid("item.content", () -> store.context().add(ALICE, c.id(),
        NewContextItem.of(ContextSource.RAG, "x".repeat(limits().maxContentLength() + 1), 0.5)));
    assertTrue(list(c.id(), ContextQuery.all()).isEmpty());
  }

  @Test
  void removeDeletesOneItem() {
    Conversation c = start(ALICE);
    ContextItem gone = add(c.id(), ContextSource.RAG, "gone", 0.5);
    add(c.id(), ContextSource.RAG, "kept", 0.5);

    store.context().remove(ALICE, c.id(), gone.id());

    assertEquals(List.of("kept"), list(c.id(), ContextQuery.all()));
    NotFoundException again = assertThrows(NotFoundException.class,
        () -> store.context().remove(ALICE, c.id(), gone.id()));
    assertEquals("context item", again.what());
  }

  @Test
  void removeThroughTheWrongConversationIsNotFound() {
    Conversation one = start(ALICE);
    Conversation two = start(ALICE);
    ContextItem item = add(one.id(), ContextSource.RAG, "mine", 0.5);

    assertThrows(NotFoundException.class, () -> store.context().remove(ALICE, two.id(), item.id()));
    assertEquals(List.of("mine"), list(one.id(), ContextQuery.all()));
  }

  @Test
  void unknownConversationIsNotFound() {
    ConversationId unknown = ConversationId.newId();
    assertNoConversation(() -> store.context().add(ALICE, unknown, NewContextItem.of(ContextSource.RAG, "x", 0.5)));
    assertNoConversation(() -> store.context().list(ALICE, unknown, ContextQuery.all()));
    assertThrows(NotFoundException.class, () -> store.context().remove(ALICE, unknown, ContextItemId.newId()));
  }

  @Test
  void itemsGoWithTheirConversation() {
    Conversation c = start(ALICE);
    add(c.id(), ContextSource.RAG, "x", 0.5);
    store.conversations().delete(ALICE, c.id());
    assertNoConversation(() -> store.context().list(ALICE, c.id(), ContextQuery.all()));
  }
}
