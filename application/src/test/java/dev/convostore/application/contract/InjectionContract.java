package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.UserId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An SQL-injection corpus sent through every text field and every filter: each string is stored
 * verbatim, found verbatim, and has no other effect.
 */
public abstract class InjectionContract extends StoreContract {

  static Stream<String> corpus() {
    return HostileText.SQL_INJECTION.stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void textIsStoredAndFoundVerbatimWithNoOtherEffect(String hostile) {
    Conversation canary = start(BOB, "canary");
    append(BOB, canary.id(), NewMessage.user("bob's canary " + hostile));
    List<ConversationSnapshot> bobsBefore = export(BOB);
    String name = hostile.replaceAll("\\s+", " ").strip(); // titles, call ids and names are one line
    JsonObject metadata = JsonObject.of(hostile, hostile, "nested", JsonObject.of(hostile, List.of(hostile)));

    Conversation c = store.conversations().start(StartConversation.by(ALICE).titled(name).withMetadata(metadata));
    List<Message> stored = store.messages().append(AppendMessages.of(ALICE, c.id(),
        NewMessage.user("needle " + hostile).withMetadata(metadata),
        NewMessage.toolCalls(hostile, new ToolCall(name, name, metadata))));
    ContextItem item = store.context().add(ALICE, c.id(),
        NewContextItem.of(ContextSource.RAG, hostile, 0.5).withContextType(name).withFocusArea(name).withMetadata(metadata));

    Conversation reloaded = reload(ALICE, c.id());
    assertEquals(java.util.Optional.of(name), reloaded.title());
    assertEquals(metadata, reloaded.metadata());
    assertEquals(stored, store.history().history(ALICE, c.id(), HistoryRequest.last(10)));
    assertEquals(List.of("needle " + hostile, hostile), contents(stored));
    assertEquals(metadata, stored.get(1).toolCalls().get(0).arguments());
    assertEquals(List.of(item), store.context().list(ALICE, c.id(), ContextQuery.all()));

    assertEquals(List.of(c.id()), store.conversations().list(ListConversations.of(ALICE, 10).withMetadata(
        JsonObject.of(hostile, hostile))).conversations().stream().map(Conversation::id).toList());
    assertEquals(List.of(), store.conversations().list(ListConversations.of(ALICE, 10).withMetadata(
        JsonObject.of(hostile, hostile + "'"))).conversations());
    if (!SearchTerms.tokenize(hostile).isEmpty()) {
      List<Message> hits = store.history().search(ALICE, hostile, 10);
      assertEquals(List.of(stored.get(1), stored.get(0)), hits, "both messages hold every word, newest first");
    }
    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(ALICE, 10).after(hostile)));

    assertEquals(bobsBefore, export(BOB), "bob's data is untouched");
    assertEquals(1, store.conversations().list(ListConversations.of(ALICE, 10)).conversations().size());
    assertTrue(store.conversations().list(ListConversations.of(UserId.of(name), 10)).conversations().isEmpty());
  }

  private List<ConversationSnapshot> export(UserId user) {
    try (Stream<ConversationSnapshot> snapshots = store.transfer().export(user)) {
      return snapshots.toList();
    }
  }
}
