package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.ConversationPage;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.NewMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listing a user's conversations: order, keyset pagination, filters. */
public abstract class ListingContract extends StoreContract {

  private List<ConversationId> ids(ConversationPage page) {
    return page.conversations().stream().map(Conversation::id).toList();
  }

  private List<ConversationId> listAll(ListConversations query) {
    List<ConversationId> all = new ArrayList<>();
    ConversationPage page = store.conversations().list(query);
    all.addAll(ids(page));
    while (page.nextCursor().isPresent()) {
      page = store.conversations().list(query.after(page.nextCursor().get()));
      all.addAll(ids(page));
    }
    return all;
  }

  /** Conversations a, b and c started a second apart, then a message appended to a. */
  private List<Conversation> abcStartedASecondApartThenABumped() {
    List<Conversation> started = new ArrayList<>();
    for (String title : List.of("a", "b", "c")) {
      started.add(start(ALICE, title));
      clock.advance(Duration.ofSeconds(1));
    }
    append(ALICE, started.get(0).id(), NewMessage.user("bump a"));
    return started;
  }

  @Test
  void newestActivityComesFirst() {
    List<Conversation> started = abcStartedASecondApartThenABumped();
    Conversation a = started.get(0);
    Conversation b = started.get(1);
    Conversation c = started.get(2);

    assertEquals(List.of(a.id(), c.id(), b.id()), ids(store.conversations().list(ListConversations.of(ALICE, 10))));
  }

  @Test
  void equalActivityIsOrderedByIdDescending() {
    Conversation first = start(ALICE);
    Conversation second = start(ALICE);
    Conversation third = start(ALICE);

    assertEquals(List.of(third.id(), second.id(), first.id()),
        ids(store.conversations().list(ListConversations.of(ALICE, 10))));
  }

  @Test
  void pagesCoverEveryConversationOnceInOrder() {
    List<ConversationId> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      if (i % 3 == 0) {
        clock.advance(Duration.ofMillis(1)); // some share a timestamp, some do not
      }
      expected.add(0, start(ALICE).id());
    }

    assertEquals(expected, listAll(ListConversations.of(ALICE, 5)));
  }

  @Test
  void lastPageHasNoCursor() {
    start(ALICE);
    start(ALICE);

    ConversationPage exact = store.conversations().list(ListConversations.of(ALICE, 2));
    assertEquals(2, exact.conversations().size());
    assertEquals(Optional.empty(), exact.nextCursor());
    assertTrue(store.conversations().list(ListConversations.of(ALICE, 1)).nextCursor().isPresent());
  }

  @Test
  void emptyListing() {
    ConversationPage page = store.conversations().list(ListConversations.of(ALICE, 10));
    assertTrue(page.conversations().isEmpty());
    assertEquals(Optional.empty(), page.nextCursor());
  }

  @Test
  void cursorIsStableWhenConversationsAreStartedWhilePaging() {
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofMillis(1));
      start(ALICE);
    }
    List<ConversationId> before = listAll(ListConversations.of(ALICE, 100));

    List<ConversationId> paged = new ArrayList<>();
    ConversationPage page = store.conversations().list(ListConversations.of(ALICE, 4));
    paged.addAll(ids(page));
    while (page.nextCursor().isPresent()) {
      clock.advance(Duration.ofMillis(1));
      start(ALICE); // newer than everything already listed: must not shift later pages
      page = store.conversations().list(ListConversations.of(ALICE, 4).after(page.nextCursor().get()));
      paged.addAll(ids(page));
    }

    assertEquals(before, paged);
  }

  @Test
  void cursorIsStableWhileAnotherThreadKeepsStartingConversations() throws Exception {
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofMillis(1));
      start(ALICE);
    }
    List<ConversationId> before = listAll(ListConversations.of(ALICE, 100));
    Set<ConversationId> startedMeanwhile = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicBoolean paging = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread starter = new Thread(() -> {
      while (paging.get()) {
        clock.advance(Duration.ofMillis(1));
        startedMeanwhile.add(start(ALICE).id());
      }
    });
    starter.start();
    List<ConversationId> paged;
    try {
      paged = listAll(ListConversations.of(ALICE, 3));
    } finally {
      paging.set(false);
      starter.join();
    }

    assertEquals(paged.size(), new HashSet<>(paged).size(), "no conversation is listed twice");
    assertEquals(before, paged.stream().filter(id -> !startedMeanwhile.contains(id)).toList());
    List<ConversationId> fromFirstOld = paged.subList(paged.indexOf(before.get(0)), paged.size());
    assertTrue(fromFirstOld.stream().noneMatch(startedMeanwhile::contains),
        "newer conversations can only appear ahead of the older ones, never between pages");
  }

  @Test
  void byCreationTheNewestStartedComesFirstWhateverTheActivity() {
    List<Conversation> started = abcStartedASecondApartThenABumped();
    Conversation a = started.get(0);
    Conversation b = started.get(1);
    Conversation c = started.get(2);
    store.conversations().rename(ALICE, b.id(), "renamed b", OptionalLong.empty());

    assertEquals(List.of(c.id(), b.id(), a.id()),
        ids(store.conversations().list(ListConversations.of(ALICE, 10).byCreation())));
    assertEquals(List.of(b.id(), a.id(), c.id()), ids(store.conversations().list(ListConversations.of(ALICE, 10))));
  }

  @Test
  void byCreationPagesCoverEveryConversationOnceWhileTheyAreActive() {
    List<ConversationId> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      if (i % 3 == 0) {
        clock.advance(Duration.ofMillis(1)); // some share a timestamp, some do not
      }
      expected.add(0, start(ALICE).id());
    }
    ListConversations byCreation = ListConversations.of(ALICE, 5).byCreation();
    ConversationPage first = store.conversations().list(byCreation);
    for (ConversationId id : expected) { // activity on every conversation moves none of them in this order
      clock.advance(Duration.ofMillis(1));
      append(ALICE, id, NewMessage.user("activity"));
    }
    List<ConversationId> all = new ArrayList<>(ids(first));
    all.addAll(listAll(byCreation.after(first.nextCursor().orElseThrow())));

    assertEquals(expected, all);
  }

  @Test
  void byCreationKeepsTheFilters() {
    Conversation old = start(ALICE);
    clock.advance(Duration.ofSeconds(1));
    Conversation closed = start(ALICE);
    clock.advance(Duration.ofSeconds(1));
    Conversation recent = start(ALICE);
    store.conversations().deactivate(ALICE, closed.id(), OptionalLong.empty());

    assertEquals(List.of(recent.id(), old.id()),
        listAll(ListConversations.of(ALICE, 1).byCreation().onlyActive(true)));
    assertEquals(List.of(closed.id()), listAll(ListConversations.of(ALICE, 1).onlyActive(false).byCreation()));
  }

  @Test
  void aCursorOfOneOrderIsRefusedInTheOther() {
    for (int i = 0; i < 3; i++) {
      start(ALICE);
      clock.advance(Duration.ofSeconds(1));
    }
    String byActivity = store.conversations().list(ListConversations.of(ALICE, 1)).nextCursor().orElseThrow();
    String byCreation = store.conversations().list(ListConversations.of(ALICE, 1).byCreation()).nextCursor().orElseThrow();

    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(ALICE, 10).byCreation().after(byActivity)));
    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(ALICE, 10).after(byCreation)));
  }

  @Test
  void activeFilter() {
    Conversation kept = start(ALICE);
    Conversation closed = start(ALICE);
    store.conversations().deactivate(ALICE, closed.id(), OptionalLong.empty());

    assertEquals(List.of(kept.id()), ids(store.conversations().list(ListConversations.of(ALICE, 10).onlyActive(true))));
    assertEquals(List.of(closed.id()), ids(store.conversations().list(ListConversations.of(ALICE, 10).onlyActive(false))));
    assertEquals(2, store.conversations().list(ListConversations.of(ALICE, 10)).conversations().size());
  }

  @Test
  void metadataFilterMatchesEveryGivenMember() {
    Conversation web = startWith(JsonObject.of("channel", "web", "tier", "gold"));
    Conversation webSilver = startWith(JsonObject.of("channel", "web", "tier", "silver"));
    startWith(JsonObject.of("channel", "mobile", "tier", "gold"));
    startWith(JsonObject.empty());

    assertEquals(Set.of(web.id(), webSilver.id()),
        new HashSet<>(ids(store.conversations().list(ListConversations.of(ALICE, 10)
            .withMetadata(JsonObject.of("channel", "web"))))));
    assertEquals(List.of(web.id()), ids(store.conversations().list(ListConversations.of(ALICE, 10)
        .withMetadata(JsonObject.of("channel", "web", "tier", "gold")))));
  }

  @Test
  void metadataFilterComparesNumbersBooleansAndNull() {
    Conversation match = startWith(JsonObject.of("priority", 2, "vip", true, "ref", null));
    startWith(JsonObject.of("priority", 3, "vip", true, "ref", null));
    startWith(JsonObject.of("priority", "2", "vip", true, "ref", null)); // text, not a number
    startWith(JsonObject.of("priority", 2, "vip", false, "ref", null));
    startWith(JsonObject.of("priority", 2, "vip", true)); // no ref at all

    assertEquals(List.of(match.id()), ids(store.conversations().list(ListConversations.of(ALICE, 10)
        .withMetadata(JsonObject.of("priority", new BigDecimal("2.0"), "vip", true, "ref", null)))));
  }

  @Test
  void metadataFilterComparesNumbersExactlyEvenWhereDoublesCannot() {
    Conversation exact = startWith(JsonObject.of("ratio", new BigDecimal("0.1"), "id", new BigDecimal("9007199254740993")));
    startWith(JsonObject.of("ratio", new BigDecimal("0.10000000000000000001"), "id", new BigDecimal("9007199254740993")));
    startWith(JsonObject.of("ratio", new BigDecimal("0.1"), "id", new BigDecimal("9007199254740992")));

    assertEquals(List.of(exact.id()), ids(store.conversations().list(ListConversations.of(ALICE, 1)
        .withMetadata(JsonObject.of("ratio", new BigDecimal("0.1000"), "id", new BigDecimal("9007199254740993"))))));
  }

  @Test
  void metadataFilterDoesNotMatchNestedValues() {
    startWith(JsonObject.of("channel", Map.of("name", "web")));
    assertTrue(store.conversations().list(ListConversations.of(ALICE, 10)
        .withMetadata(JsonObject.of("name", "web"))).conversations().isEmpty());
  }

  @Test
  void metadataFilterRejectsObjectsAndArrays() {
    assertInvalid("metadataFilter.channel",
        () -> ListConversations.of(ALICE, 10).withMetadata(JsonObject.of("channel", Map.of("a", 1))));
    assertInvalid("metadataFilter.tags",
        () -> ListConversations.of(ALICE, 10).withMetadata(JsonObject.of("tags", List.of("a"))));
  }

  @Test
  void filtersCombineWithPaging() {
    List<ConversationId> expected = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      clock.advance(Duration.ofMillis(1));
      Conversation c = startWith(JsonObject.of("even", i % 2 == 0));
      if (i % 2 == 0) {
        expected.add(0, c.id());
      }
    }
    assertEquals(expected, listAll(ListConversations.of(ALICE, 2).withMetadata(JsonObject.of("even", true))));
  }

  @Test
  void malformedCursorIsRejected() {
    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(ALICE, 10).after("garbage")));
    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(ALICE, 10).after("c1.!!!")));
  }

  @Test
  void anotherUsersOrAnAlteredCursorIsRefused() {
    for (int i = 0; i < 3; i++) {
      start(ALICE);
      start(BOB);
      clock.advance(Duration.ofSeconds(1));
    }
    String bobs = store.conversations().list(ListConversations.of(BOB, 1)).nextCursor().orElseThrow();
    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(ALICE, 10).after(bobs)));

    String alices = store.conversations().list(ListConversations.of(ALICE, 1)).nextCursor().orElseThrow();
    int tag = alices.lastIndexOf('.') + 1;
    String altered = alices.substring(0, tag) + (alices.charAt(tag) == 'A' ? 'B' : 'A') + alices.substring(tag + 1);
    assertInvalid("cursor", () -> store.conversations().list(ListConversations.of(ALICE, 10).after(altered)));
    assertEquals(2, store.conversations().list(ListConversations.of(ALICE, 10).after(alices)).conversations().size());
  }

  @Test
  void limitMustBeInRange() {
    assertInvalid("limit", () -> ListConversations.of(ALICE, 0));
    assertInvalid("limit", () -> ListConversations.of(ALICE, ListConversations.MAX_LIMIT + 1));
  }

  private Conversation startWith(JsonObject metadata) {
    return store.conversations().start(StartConversation.by(ALICE).withMetadata(metadata));
  }
}
