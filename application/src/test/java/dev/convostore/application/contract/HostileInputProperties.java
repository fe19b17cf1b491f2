package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Generated hostile input through the public use cases: random and hostile text (NUL, unpaired
 * surrogates, control characters, SQL, content over 1 MB), JSON too deep or too large, numbers no
 * database type holds, other users' and unknown ids, lengths at every limit. Every call either
 * succeeds and round-trips exactly, or fails with a {@link ValidationException} naming the field
 * (or "not found" for ids), and a failed call leaves the whole store as it was: an export of every
 * conversation before and after it is equal. Any other exception fails the property.
 *
 * <p>Tries per property: {@code jqwik.tries.default} (the build sets 100, and 1,500 with
 * {@code -Preliability}).
 */
public abstract class HostileInputProperties {

  private static final StoreLimits LIMITS = new StoreLimits(10_000, 4_096, 100);
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final String OVER_A_MEGABYTE = "x".repeat((1 << 20) + 1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00.123456Z"));
  private Storage storage;
  private UseCases store;
  private Conversation alices;
  private Conversation bobs;

  /** A new, empty storage of the adapter under test; one per property, closed after it. */
  protected abstract Storage openStorage();

  @BeforeProperty
  void openStoreWithTwoUsers() {
    storage = UserData.watch(openStorage());
    store = UseCases.over(storage, clock, LIMITS);
    alices = store.conversations().start(StartConversation.by(ALICE).titled("alice's"));
    store.messages().append(AppendMessages.of(ALICE, alices.id(),
        NewMessage.user("where is the lighthouse key"), NewMessage.assistant("the lighthouse key is under the mat")));
    store.context().add(ALICE, alices.id(), NewContextItem.of(ContextSource.RAG, "lighthouse notes", 0.5));
    bobs = store.conversations().start(StartConversation.by(BOB).titled("bob's"));
    store.messages().append(BOB, bobs.id(), NewMessage.user("bob's lighthouse secret"));
  }

  @AfterProperty
  void closeStore() {
    storage.close();
  }

  @Property
  void messageContentRoundTripsOrIsRefused(@ForAll("text") String content, @ForAll("textRoles") MessageRole role) {
    inScratchConversation(c -> roundTripsOrIsRefused(
        () -> store.messages().append(ALICE, c.id(), NewMessage.text(role, content)),
        stored -> {
          assertEquals(content, stored.content());
          assertEquals(List.of(stored), store.history().history(ALICE, c.id(), HistoryRequest.last(5)));
          List<String> words = SearchTerms.tokenize(content);
          if (!words.isEmpty()) {
            String query = String.join(" ", words.subList(0, Math.min(3, words.size())));
            assertTrue(store.history().search(ALICE, query, 1000).contains(stored), "found by its own words");
          }
        },
        "content", "messages[0].content"));
  }

  @Property
  void feedbackRoundTripsOrIsRefused(@ForAll("text") String label, @ForAll("text") String comment, @ForAll double rating) {
    inScratchConversation(c -> {
      Message rated = store.messages().append(ALICE, c.id(), NewMessage.user("rate me"));
      roundTripsOrIsRefused(
          () -> store.messages().giveFeedback(ALICE, c.id(), rated.id(),
              new Feedback(rating, Optional.of(label), Optional.of(comment))),
          given -> assertEquals(List.of(given), store.messages().feedback(ALICE, c.id())),
          "rating", "label", "comment");
    });
  }

  @Property
  void titlesRoundTripOrAreRefused(@ForAll("text") String title) {
    roundTripsOrIsRefused(
        () -> store.conversations().start(StartConversation.by(ALICE).titled(title)),
        started -> {
          assertEquals(Optional.of(title.strip()), started.title());
          assertEquals(started, store.conversations().get(ALICE, started.id()));
          store.conversations().delete(ALICE, started.id());
        },
        "title");
  }

  @Property
  void metadataRoundTripsOrIsRefused(@ForAll("jsonObjects") Map<String, Object> metadata) {
    inScratchConversation(c -> {
      roundTripsOrIsRefused(
          () -> store.conversations().updateMetadata(
              ALICE, c.id(), JsonObject.from("metadata", metadata), OptionalLong.empty()),
          changed -> assertEquals(changed, store.conversations().get(ALICE, c.id())),
          "metadata");
      roundTripsOrIsRefused(
          () -> store.messages().append(ALICE, c.id(),
              NewMessage.user("described").withMetadata(JsonObject.from("metadata", metadata))),
          stored -> assertEquals(List.of(stored), store.history().history(ALICE, c.id(), HistoryRequest.last(1))),
          "metadata", "messages[0].metadata");
      roundTripsOrIsRefused(
          () -> store.messages().append(ALICE, c.id(), NewMessage.toolCalls("calling",
              new ToolCall("call-1", "lookup", JsonObject.from("arguments", metadata)))),
          stored -> assertEquals(List.of(stored), store.history().history(ALICE, c.id(), HistoryRequest.last(1))),
          "arguments", "messages[0].toolCalls[0].arguments");
    });
  }

  @Property
  void contextItemsRoundTripOrAreRefused(
      @ForAll("text") String content, @ForAll("names") String source, @ForAll("relevances") double relevance,
      @ForAll("text") String contextType) {
    inScratchConversation(c -> roundTripsOrIsRefused(
        () -> store.context().add(ALICE, c.id(),
            NewContextItem.of(ContextSource.of(source), content, relevance).withContextType(contextType)),
        added -> {
          assertEquals(content, added.content());
          assertTrue(relevance == added.relevance(), "relevance " + added.relevance()); // -0.0 is stored as 0.0
          assertEquals(List.of(added), store.context().list(ALICE, c.id(), ContextQuery.all()));
        },
        "source", "content", "relevance", "contextType", "item.content"));
  }

  @Property
  void searchFindsOnlyTheUsersOwnMatchesOrIsRefused(
      @ForAll("text") String query, @ForAll @IntRange(min = -2, max = 1002) int limit) {
    roundTripsOrIsRefused(
        () -> store.history().search(ALICE, query, limit),
        hits -> {
          SearchTerms terms = SearchTerms.parse(query);
          for (Message hit : hits) {
            assertEquals(alices.id(), hit.conversationId(), "only alice's messages");
            assertTrue(terms.matches(hit.content()), "every hit holds every word");
          }
        },
        "query", "limit");
  }

  @Property
  void onlyIssuedCursorsAreAccepted(@ForAll("text") String cursor) {
    roundTripsOrIsRefused(
        () -> store.conversations().list(ListConversations.of(ALICE, 10).after(cursor)),
        page -> fail("accepted a cursor this store never issued: " + cursor),
        "cursor");
  }

  @Property
  void userIdsRoundTripOrAreRefused(@ForAll("text") String user) {
    roundTripsOrIsRefused(
        () -> store.conversations().start(StartConversation.by(UserId.of(user))),
        started -> {
          assertEquals(user, started.owner().value());
          assertEquals(List.of(started), store.conversations().list(ListConversations.of(UserId.of(user), 10)).conversations());
          store.conversations().eraseUser(UserId.of(user));
        },
        "userId");
  }

  @Property
  void anotherUsersOrAnUnknownConversationIsNotFound(
      @ForAll("foreignConversations") ConversationId id, @ForAll @IntRange(min = 0, max = 13) int operation) {
    List<ConversationSnapshot> before = exportAll();
    NotFoundException error = assertThrows(NotFoundException.class, () -> {
      switch (operation) {
        case 0 -> store.conversations().get(ALICE, id);
        case 1 -> store.messages().append(ALICE, id, NewMessage.user("intruding"));
        case 2 -> store.conversations().rename(ALICE, id, "taken over", OptionalLong.empty());
        case 3 -> store.conversations().deactivate(ALICE, id, OptionalLong.of(1));
        case 4 -> store.conversations().updateMetadata(ALICE, id, JsonObject.of("x", 1), OptionalLong.empty());
        case 5 -> store.conversations().delete(ALICE, id);
        case 6 -> store.history().history(ALICE, id, HistoryRequest.last(20));
        case 7 -> store.history().statistics(ALICE, id);
        case 8 -> store.context().add(ALICE, id, NewContextItem.of(ContextSource.FOCUS, "planted", 1.0));
        case 9 -> store.context().list(ALICE, id, ContextQuery.all());
        case 10 -> store.context().remove(ALICE, id, ContextItemId.newId());
        case 11 -> store.messages().feedback(ALICE, id);
        case 12 -> store.messages().giveFeedback(ALICE, id, MessageId.newId(), Feedback.of(-1));
        default -> store.messages().redact(ALICE, id, MessageId.newId());
      }
    });
    assertEquals(operation == 10 ? "context item" : "conversation", error.what());
    assertFalse(error.getMessage().contains("bob"), error.getMessage());
    assertTrue(before.equals(exportAll()), "a refused call changes nothing");
  }

  @Provide
  Arbitrary<ConversationId> foreignConversations() {
    return Arbitraries.oneOf(Arbitraries.just(bobs.id()), Arbitraries.create(ConversationId::newId));
  }

  @Provide
  Arbitrary<MessageRole> textRoles() {
    return Arbitraries.of(MessageRole.USER, MessageRole.ASSISTANT, MessageRole.SYSTEM);
  }

  /** Random and hostile text, with every length the limits make interesting. */
  @Provide
  Arbitrary<String> text() {
    int max = LIMITS.maxContentLength();
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(300)),
        Tuple.of(4, Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('\0', '\n', '\r', '\t', '\u001b', '\u007f', '\u0085', '\u00e9', '\u0301', '\u200b', '\u202e',
                '\ufeff', '\ud83d', '\ude00', '\udbff', '\udfff', 'ß', 'İ', 'Σ', 'ς', '中')
            .ofMaxLength(80)),
        Tuple.of(2, Arbitraries.of(HostileText.SQL_INJECTION)),
        Tuple.of(1, Arbitraries.of("😀 emoji 👩‍👩‍👧", "Ünïcödé wörds", "a\u0301", "   ", "", "\u0000", "\ud800", "\udc00x")),
        Tuple.of(1, Arbitraries.of(199, 200, 201, 255, 256, max - 1, max, max + 1)
            .map(length -> "w".repeat(length))),
        Tuple.of(1, Arbitraries.just(OVER_A_MEGABYTE)));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(Arbitraries.of("rag", "focus", "long_term_memory", "host.defined-name_2"), text());
  }

  @Provide
  Arbitrary<Double> relevances() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1),
        Arbitraries.of(0.0, 1.0, -0.0, Math.nextUp(1.0), -Double.MIN_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e-300));
  }

  /** JSON objects: hostile keys and strings, exact and extreme numbers, too deep, too large. */
  @Provide
  Arbitrary<Map<String, Object>> jsonObjects() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.maps(shortText(), jsonValue(3)).ofMaxSize(5)),
        Tuple.of(1, Arbitraries.integers().between(28, 36).map(HostileInputProperties::nested)),
        Tuple.of(1, Arbitraries.integers().between(LIMITS.maxJsonBytes() - 40, LIMITS.maxJsonBytes() + 40)
            .map(length -> Map.of("big", "b".repeat(length)))));
  }

  private Arbitrary<String> shortText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
        Arbitraries.of(HostileText.SQL_INJECTION));
  }

  private Arbitrary<Object> jsonValue(int depth) {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        shortText().map(Object.class::cast),
        Arbitraries.bigDecimals().ofScale(6).map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
            .map(Object.class::cast),
        Arbitraries.of(new BigDecimal("1e-400"), new BigDecimal("-1.5e+400"), BigDecimal.valueOf(Double.MIN_VALUE), new BigDecimal("1.50"),
            new BigDecimal("-0.000"), new BigDecimal(BigInteger.TEN.pow(130)), new BigDecimal("1e+1000000"),
            new BigDecimal("9.99e+999"), new BigDecimal("1e+1000"), new BigDecimal("-1e-1000"),
            new BigDecimal("1e-1001")),
        Arbitraries.of(true, false),
        Arbitraries.just(null));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(6, leaf),
        Tuple.of(1, inner.list().ofMaxSize(3).map(Object.class::cast)),
        Tuple.of(1, Arbitraries.maps(shortText(), inner).ofMaxSize(3).map(Object.class::cast)));
  }

  private static Map<String, Object> nested(int depth) {
    Object value = "bottom";
    for (int i = 0; i < depth; i++) {
      value = i % 2 == 0 ? Map.of("k", value) : List.of(value);
    }
    return Map.of("deep", value);
  }

  /** Runs {@code test} on a new conversation of alice's, then deletes it so the store stays small. */
  private void inScratchConversation(Consumer<Conversation> test) {
    clock.advance(Duration.ofMillis(1));
    Conversation scratch = store.conversations().start(StartConversation.by(ALICE));
    test.accept(scratch);
    store.conversations().delete(ALICE, scratch.id());
  }

  /**
   * Runs {@code call}: on success its result must pass {@code roundTrip}; on failure the error
   * must be a {@link ValidationException} whose field starts with one of {@code fields}, with a
   * message for people, and the store must be unchanged.
   */
  private <T> void roundTripsOrIsRefused(Supplier<T> call, Consumer<T> roundTrip, String... fields) {
    List<ConversationSnapshot> before = exportAll();
    T result;
    try {
      result = call.get();
    } catch (ValidationException refused) {
      assertTrue(Stream.of(fields).anyMatch(refused.field()::startsWith),
          () -> "field " + refused.field() + " is not one of " + List.of(fields));
      assertFalse(refused.getMessage().contains("SQL") || refused.getMessage().contains("Exception"),
          refused.getMessage());
      assertTrue(before.equals(exportAll()), "a refused call changes nothing");
      return;
    }
    roundTrip.accept(result);
  }

  private List<ConversationSnapshot> exportAll() {
    try (Stream<ConversationSnapshot> all = store.transfer().exportAll()) {
      return new ArrayList<>(all.toList());
    }
  }
}
