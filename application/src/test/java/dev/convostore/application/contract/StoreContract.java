package dev.convostore.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * Base of the contract suite: every adapter extends each contract class once, supplying {@link
 * #openStorage()}. Tests go through the public use cases, wired over the adapter's storage with a
 * hand-moved clock, so they check the behaviour a host application sees.
 */
public abstract class StoreContract {

  /** The instant every test starts at. */
  protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");

  protected static final UserId ALICE = UserId.of("alice");
  protected static final UserId BOB = UserId.of("bob");

  protected final MutableClock clock = new MutableClock(T0);
  protected Storage storage;
  protected UseCases store;

  /** A new, empty storage of the adapter under test. Closed after each test. */
  protected abstract Storage openStorage();

  /** The limits the store under test enforces; small ones make limit tests cheap. */
  protected StoreLimits limits() {
    return new StoreLimits(10_000, 4_096, 100);
  }

  @BeforeEach
  void openStore() {
    storage = UserData.watch(openStorage());
    store = UseCases.over(storage, clock, limits());
  }

  @AfterEach
  void closeStore() {
    storage.close();
  }

  protected Conversation start(UserId user) {
    return store.conversations().start(StartConversation.by(user));
  }

  protected Conversation start(UserId user, String title) {
    return store.conversations().start(StartConversation.by(user).titled(title));
  }

  protected Conversation reload(UserId user, ConversationId id) {
    return store.conversations().get(user, id);
  }

  protected List<Message> append(UserId user, ConversationId id, NewMessage... messages) {
    return store.messages().append(AppendMessages.of(user, id, messages));
  }

  /** Appends {@code count} user messages "message 1" ... one clock tick apart. */
  protected List<Message> appendNumbered(UserId user, ConversationId id, int count) {
    List<Message> stored = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      clock.advance(Duration.ofMillis(1));
      stored.add(store.messages().append(user, id, NewMessage.user("message " + i)));
    }
    return stored;
  }

  protected static List<Long> sequences(List<Message> messages) {
    return messages.stream().map(Message::sequence).toList();
  }

  protected static <T> List<String> contents(List<T> values, Function<T, String> content) {
    return values.stream().map(content).toList();
  }

  protected static List<String> contents(List<Message> messages) {
    return contents(messages, Message::content);
  }

  /** Asserts a {@link ValidationException} naming {@code field}. */
  protected static ValidationException assertInvalid(String field, Executable call) {
    ValidationException error = assertThrows(ValidationException.class, call);
    assertEquals(field, error.field(), () -> "field named by: " + error.getMessage());
    return error;
  }

  /** Asserts the "conversation not found" error. */
  protected static void assertNoConversation(Executable call) {
    NotFoundException error = assertThrows(NotFoundException.class, call);
    assertEquals("conversation", error.what());
  }
}
