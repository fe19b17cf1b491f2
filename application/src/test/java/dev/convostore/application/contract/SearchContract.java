package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.HistoryUseCase;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text search: every word, whole words, case-insensitive, Unicode-aware, newest first. */
public abstract class SearchContract extends StoreContract {

  private Conversation c;

  @BeforeEach
  void someMessages() {
    c = start(ALICE);
    for (String text : List.of(
        "The quick brown fox",
        "A QUICK reply about foxes",
        "brown bread recipe, quick and easy",
        "Zürich café in Straße",
        "nothing to see here",
        "order #4711 shipped; tracking-id ABC-99")) {
      clock.advance(Duration.ofSeconds(1));
      append(ALICE, c.id(), NewMessage.user(text));
    }
  }

  private List<String> search(String query) {
    return contents(store.history().search(ALICE, query, 100));
  }

  @Test
  void aSearchCanKeepOnlySomeRolesAndKinds() {
    clock.advance(Duration.ofSeconds(1));
    append(ALICE, c.id(), NewMessage.assistant("a quick answer"), NewMessage.error(MessageRole.ASSISTANT, "quick failure"));

    assertEquals(List.of("quick failure", "a quick answer"),
        contents(store.history().search(ALICE, "quick", MessageFilter.NONE.withRoles(MessageRole.ASSISTANT), 100)));
    assertEquals(List.of("a quick answer"), contents(store.history().search(ALICE, "quick",
        MessageFilter.NONE.withRoles(MessageRole.ASSISTANT).withKinds(MessageKind.TEXT), 100)));
    assertEquals(List.of("quick failure"),
        contents(store.history().search(ALICE, "quick", MessageFilter.NONE.withKinds(MessageKind.ERROR), 100)));
    assertEquals(List.of("brown bread recipe, quick and easy", "A QUICK reply about foxes", "The quick brown fox"),
        contents(store.history().search(ALICE, "quick", MessageFilter.NONE.withRoles(MessageRole.USER).withKinds(MessageKind.TEXT), 100)));
  }

  @Test
  void aSearchCanKeepOnlyTheMessagesOfSomeTools() {
    clock.advance(Duration.ofSeconds(1));
    append(ALICE, c.id(), NewMessage.toolCalls("quick check", new ToolCall("w", "weather", JsonObject.empty())),
        NewMessage.toolResult(new ToolResult("w", "weather", ToolOutcome.SUCCESS, Optional.empty()), "quick: sunny"),
        NewMessage.toolCalls("quick news", new ToolCall("n", "news", JsonObject.empty())),
        NewMessage.toolResult(new ToolResult("n", "news", ToolOutcome.SUCCESS, Optional.empty()), "quick: nothing new"));

    assertEquals(List.of("quick: sunny", "quick check"),
        contents(store.history().search(ALICE, "quick", MessageFilter.NONE.withToolNames("weather"), 100)));
    assertEquals(List.of("quick: nothing new"),
        contents(store.history().search(ALICE, "quick", MessageFilter.NONE.withToolNames("news"), 1)));
    assertEquals(List.of("quick news"), contents(store.history().search(ALICE, "quick",
        MessageFilter.NONE.withToolNames("news", "weather").withKinds(MessageKind.TOOL_CALL), 1)));
  }

  @Test
  void aRedactedMessageIsNoLongerFound() {
    Message fox = store.history().search(ALICE, "fox", 10).get(0);

    store.messages().redact(ALICE, c.id(), fox.id());

    assertEquals(List.of(), search("fox"));
    assertEquals(List.of("brown bread recipe, quick and easy", "A QUICK reply about foxes"), search("quick"));
    assertEquals(List.of(), search("redacted"));
    Message fresh = append(ALICE, c.id(), NewMessage.user("a secret just written")).get(0);
    store.messages().redact(ALICE, c.id(), fresh.id());
    assertEquals(List.of(), search("secret"), "redacted before any search read it");
  }

  @Test
  void everyWordMustOccur() {
    assertEquals(List.of("brown bread recipe, quick and easy", "The quick brown fox"), search("quick brown"));
  }

  @Test
  void caseIsIgnored() {
    assertEquals(List.of("brown bread recipe, quick and easy", "A QUICK reply about foxes", "The quick brown fox"),
        search("Quick"));
  }

  @Test
  void wordsMatchWholeNotAsPrefixesOrStems() {
    assertEquals(List.of("The quick brown fox"), search("fox"));
    assertEquals(List.of("A QUICK reply about foxes"), search("foxes"));
    assertTrue(search("qui").isEmpty());
  }

  @Test
  void wordsAreAtMostTwoHundredCharacters() {
    String longest = "x".repeat(SearchTerms.MAX_WORD_LENGTH);
    String tooLong = "y".repeat(SearchTerms.MAX_WORD_LENGTH + 1);
    append(ALICE, c.id(), NewMessage.user("hash " + longest + " and blob " + tooLong));

    assertEquals(List.of("hash " + longest + " and blob " + tooLong), search(longest.toUpperCase()));
    assertEquals(1, search("hash blob").size());
    assertInvalid("query", () -> search(tooLong));
  }

  @Test
  void unicodeLettersAreWords() {
    assertEquals(List.of("Zürich café in Straße"), search("zürich CAFÉ"));
    assertEquals(List.of("Zürich café in Straße"), search("straße"));
  }

  @Test
  void punctuationSeparatesWords() {
    assertEquals(List.of("order #4711 shipped; tracking-id ABC-99"), search("4711 abc 99"));
    assertEquals(List.of("brown bread recipe, quick and easy"), search("recipe,bread"));
  }

  @Test
  void wordOrderDoesNotMatter() {
    assertEquals(search("quick brown"), search("brown QUICK"));
  }

  @Test
  void noMatchIsEmpty() {
    assertTrue(search("elephant").isEmpty());
    assertTrue(search("quick elephant").isEmpty());
  }

  @Test
  void limitKeepsTheNewest() {
    assertEquals(List.of("brown bread recipe, quick and easy"), contents(store.history().search(ALICE, "quick", 1)));
  }

  @Test
  void limitIsChecked() {
    assertInvalid("limit", () -> store.history().search(ALICE, "quick", 0));
    assertInvalid("limit", () -> store.history().search(ALICE, "quick", HistoryUseCase.MAX_RESULTS + 1));
  }

  @Test
  void queryWithoutWordsIsRejected() {
    assertInvalid("query", () -> store.history().search(ALICE, "  ;-) ", 10));
    assertInvalid("query", () -> store.history().search(ALICE, "", 10));
  }

  @Test
  void queryWithTooManyWordsIsRejected() {
    assertInvalid("query", () -> store.history().search(ALICE, "a b c d e f g h i j k l m n o p q", 10));
  }

  @Test
  void searchSpansTheUsersConversationsOnly() {
    Conversation other = start(ALICE);
    append(ALICE, other.id(), NewMessage.assistant("another quick brown answer"));
    Conversation bobs = start(BOB);
    append(BOB, bobs.id(), NewMessage.user("quick brown from bob"));

    assertEquals(List.of("another quick brown answer", "brown bread recipe, quick and easy", "The quick brown fox"),
        search("quick brown"));
    assertEquals(List.of("quick brown from bob"), contents(store.history().search(BOB, "quick brown", 10)));
  }

  @Test
  void sqlAndSearchSyntaxIsSearchedAsPlainWords() {
    append(ALICE, c.id(), NewMessage.user("drop table users or not"));
    assertEquals(List.of("drop table users or not"), search("'; DROP TABLE users; --"));
    assertTrue(search("quick OR elephant").isEmpty());
    assertEquals(List.of("A QUICK reply about foxes"), search("\"quick\" foxes* ^reply"));
  }

  @Test
  void deletedConversationsAreNotFound() {
    store.conversations().delete(ALICE, c.id());
    assertTrue(search("quick").isEmpty());
  }
}
