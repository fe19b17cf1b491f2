package dev.convostore.integration.springai;

import dev.convostore.application.ConflictException;
import dev.convostore.application.NotFoundException;
import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ConversationPage;
import dev.convostore.application.port.in.ConversationView;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.SpringAiChatMemory;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.Message;

/**
 * Spring AI's chat memory on convostore. Each Spring AI conversation is one convostore
 * conversation, which keeps every message ever saved to it, tool calls and tool responses
 * included; the memory Spring AI reads is a view on that history.
 *
 * <p><b>{@link #saveAll} appends, never rewrites.</b> Spring AI's {@code MessageWindowChatMemory}
 * saves the memory it read, trimmed from the front, followed by the new messages. This repository
 * finds which messages at the start of the list the memory already holds (the longest run that
 * appears in the memory in order and ends with its last message, or else the memory's system
 * messages), appends only the rest, and makes the memory that run plus the appended messages. So
 * trimming a window never deletes history, and whatever list is saved, {@link
 * #findByConversationId} returns exactly that list afterwards: a list that does not continue the
 * memory (a caller really replacing it) is appended whole and becomes the memory. Messages that
 * another client appends to the conversation join the memory.
 *
 * <p>{@link #deleteByConversationId} deletes the conversation and its history. Conversation ids
 * map to convostore conversation ids by {@link SpringAiChatMemory#conversationId}, so the same id
 * always finds the same conversation; the id itself is kept in the conversation's metadata ({@value
 * #CONVERSATION_ID}).
 *
 * <p>The memory's extent is noted on the last message each save appends, in the append's own
 * transaction, or in the conversation's metadata ({@value #MEMORY}) by a save that appends
 * nothing. The repository keeps the memories it read or wrote last; a read first checks, with one
 * small call, that the conversation has not changed since, and a save writes only on that
 * condition, so another writer of the same conversation (another instance of the application)
 * makes it read again, never lose a message. A {@code findByConversationId} is one small read, a
 * {@code saveAll} that continues the memory one append.
 *
 * <p>Messages with media are refused. Metadata values that are not text, numbers, booleans, lists
 * or maps come back as their text.
 */
public final class ConvostoreChatMemoryRepository implements ChatMemoryRepository {

  /** The conversation metadata member that holds Spring AI's conversation id. */
  public static final String CONVERSATION_ID = SpringAiChatMemory.CONVERSATION_ID;

  /** The conversation metadata member that holds the memory after a save that appended nothing. */
  public static final String MEMORY = "springAi.memory";

  /** How far back a read looks for the memory's note when other clients appended after it. */
  private static final int READ_BACK = 100;

  /** Conversations whose memory the repository keeps, checked by one small read before use. */
  private static final int MEMORIES_KEPT = 1_000;

  /** How often a {@code saveAll} that lost a race with another writer reads again. */
  private static final int ATTEMPTS = 5;

  private final ConvoStore store;
  private final Function<String, UserId> owner;
  private final Optional<UserId> fixedUser;
  private final int maxMessages;
  private final Map<Key, Memory> memories = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Memory> eldest) {
      return size() > MEMORIES_KEPT;
    }
  });

  private ConvostoreChatMemoryRepository(Builder builder) {
    this.store = builder.store;
    this.owner = builder.owner;
    this.fixedUser = builder.fixedUser;
    this.maxMessages = builder.maxMessages;
  }

  /** A builder over {@code store}; name the user (or how to find it) before building. */
  public static Builder builder(ConvoStore store) {
    return new Builder(Objects.requireNonNull(store, "store cannot be null"));
  }

  /**
   * The Spring AI conversation ids of the user's conversations, most recently active first. Needs
   * a fixed user ({@link Builder#user}): with a user per conversation there is no list of users.
   */
  @Override
  public List<String> findConversationIds() {
    UserId user = fixedUser.orElseThrow(() -> new UnsupportedOperationException(
        "findConversationIds needs a fixed user: this repository finds the user from each conversation id"));
    List<String> ids = new ArrayList<>();
    ListConversations page = ListConversations.of(user, ListConversations.MAX_LIMIT);
    while (true) {
      ConversationPage found = store.conversations().list(page);
      found.conversations().forEach(conversation -> conversation.metadata().get(CONVERSATION_ID)
          .filter(JsonString.class::isInstance)
          .ifPresent(id -> ids.add(((JsonString) id).value())));
      if (found.nextCursor().isEmpty()) {
        return ids;
      }
      page = page.after(found.nextCursor().get());
    }
  }

  /** The memory: the last {@code maxMessages} messages of the list saved last. */
  @Override
  public List<Message> findByConversationId(String conversationId) {
    requireText(conversationId);
    List<Message> memory = read(new Key(owner(conversationId), conversationId)).map(Memory::messages).orElse(List.of());
    return new ArrayList<>(memory.subList(Math.max(0, memory.size() - maxMessages), memory.size()));
  }

  /** Appends what the memory does not hold yet and makes {@code messages} the memory (see the class). */
  @Override
  public void saveAll(String conversationId, List<Message> messages) {
    requireText(conversationId);
    if (messages == null) {
      throw new IllegalArgumentException("messages cannot be null");
    }
    if (messages.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("messages cannot contain null elements");
    }
    Key key = new Key(owner(conversationId), conversationId);
    List<List<NewMessage>> drafts = messages.stream().map(SpringAiMessages::toConvostore).toList();
    ConflictException lost = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        save(key, messages, drafts);
        return;
      } catch (ConflictException raced) { // another writer came first: read again
        memories.remove(key);
        lost = raced;
      }
    }
    throw lost;
  }

  /** Deletes the conversation and its whole history. */
  @Override
  public void deleteByConversationId(String conversationId) {
    requireText(conversationId);
    UserId user = owner(conversationId);
    memories.remove(new Key(user, conversationId));
    try {
      store.conversations().delete(user, convostoreId(user, conversationId));
    } catch (NotFoundException alreadyGone) {
      // nothing to delete
    }
  }

  /**
   * Saves from the memory last read or written, when there is one: the writes are conditional on
   * the conversation being as that memory saw it, so a stale memory fails them and is read again.
   */
  private void save(Key key, List<Message> messages, List<List<NewMessage>> drafts) {
    UserId user = key.user();
    Memory memory = Optional.ofNullable(memories.get(key)).or(() -> read(key)).orElseGet(() -> start(key));
    List<Integer> kept = MemoryMatch.kept(memory.messages(), messages);
    List<long[]> sequences = new ArrayList<>();
    kept.forEach(position -> sequences.add(memory.sequences().get(position)));
    List<List<NewMessage>> added = drafts.subList(kept.size(), drafts.size());
    if (added.isEmpty()) {
      // Nothing to append: the memory's new extent goes to the conversation's metadata instead.
      Conversation changed = store.conversations().updateMetadata(user, memory.conversation().id(),
          memory.conversation().metadata().with(MEMORY, JsonObject.of(
              "at", memory.conversation().lastSequence(), "sequences", ranges(sequences))),
          OptionalLong.of(memory.conversation().version()));
      memories.put(key, new Memory(changed, List.copyOf(messages), sequences));
      return;
    }
    List<NewMessage> appended = added.stream().flatMap(List::stream).collect(ArrayList::new, List::add, List::addAll);
    long first = memory.conversation().lastSequence() + 1;
    for (List<NewMessage> message : added) {
      sequences.add(new long[] {first, first + message.size() - 1});
      first += message.size();
    }
    // The memory is noted on the last message, in the append's own transaction.
    NewMessage last = appended.remove(appended.size() - 1);
    appended.add(SpringAiMessages.withMemory(last, ranges(sequences)));
    List<dev.convostore.domain.Message> stored = store.messages().append(new AppendMessages(
        user, memory.conversation().id(), appended, OptionalLong.of(memory.conversation().lastSequence())));
    Conversation after = memory.conversation().afterAppend(stored.size(), memory.conversation().updatedAt(), Optional.empty());
    memories.put(key, new Memory(after, List.copyOf(messages), sequences));
  }

  private Memory start(Key key) {
    Conversation started = store.conversations().start(StartConversation.by(key.user())
        .withId(convostoreId(key.user(), key.conversationId()))
        .withMetadata(JsonObject.of(CONVERSATION_ID, key.conversationId())));
    return new Memory(started, List.of(), List.of());
  }

  /**
   * The conversation's memory, or empty when there is no conversation yet. One small read tells
   * whether the memory this repository last read or wrote is still current; only when it is not
   * are the memory's messages read.
   */
  private Optional<Memory> read(Key key) {
    ConversationId id = convostoreId(key.user(), key.conversationId());
    ConversationView latest;
    try {
      latest = store.conversations().get(key.user(), id, HistoryRequest.last(1));
    } catch (NotFoundException notYet) {
      memories.remove(key);
      return Optional.empty();
    }
    Conversation conversation = latest.conversation();
    Optional<Memory> known = Optional.ofNullable(memories.get(key))
        .filter(memory -> memory.conversation().lastSequence() == conversation.lastSequence()
            && memory.conversation().version() == conversation.version());
    if (known.isPresent()) {
      return known;
    }
    List<dev.convostore.domain.Message> held = messages(key.user(), id, extent(conversation, latest.messages()));
    List<SpringAiMessages.Stored> stored = SpringAiMessages.fromConvostore(held);
    Memory memory = new Memory(conversation,
        stored.stream().map(SpringAiMessages.Stored::message).toList(),
        stored.stream().map(one -> new long[] {one.firstSequence(), one.lastSequence()}).toList());
    memories.put(key, memory);
    return Optional.of(memory);
  }

  /**
   * The memory's ranges of sequences: noted in the conversation's metadata by a save that
   * appended nothing, else on the last message; messages that another client appended after the
   * last note join the memory; a conversation this repository never wrote is its latest messages.
   */
  private List<long[]> extent(Conversation conversation, List<dev.convostore.domain.Message> last) {
    long lastSequence = conversation.lastSequence();
    Optional<JsonObject> noted = conversation.metadata().get(MEMORY).map(JsonObject.class::cast)
        .filter(memory -> memory.get("at").map(ConvostoreChatMemoryRepository::number).orElse(-1L) == lastSequence);
    if (noted.isPresent()) {
      return decode(noted.get().get("sequences").orElseThrow());
    }
    List<dev.convostore.domain.Message> recent = last.isEmpty() || SpringAiMessages.memory(last.get(0)).isPresent()
        ? last
        : store.history().history(conversation.owner(), conversation.id(), HistoryRequest.last(READ_BACK));
    for (int i = recent.size() - 1; i >= 0; i--) {
      Optional<JsonValue> memory = SpringAiMessages.memory(recent.get(i));
      if (memory.isPresent()) {
        List<long[]> ranges = new ArrayList<>(decode(memory.get()));
        if (recent.get(i).sequence() < lastSequence) {
          ranges.add(new long[] {recent.get(i).sequence() + 1, lastSequence});
        }
        return ranges;
      }
    }
    return lastSequence == 0 ? List.of() : List.<long[]>of(new long[] {Math.max(1, lastSequence - maxMessages + 1), lastSequence});
  }

  /** The messages in {@code ranges}, in order; those removed since (by retention) are left out. */
  private List<dev.convostore.domain.Message> messages(UserId user, ConversationId id, List<long[]> ranges) {
    List<dev.convostore.domain.Message> held = new ArrayList<>();
    for (long[] range : ranges) {
      for (long from = range[0]; from <= range[1]; from += HistoryRequest.MAX_LIMIT) {
        long to = Math.min(range[1], from + HistoryRequest.MAX_LIMIT - 1);
        store.history().history(user, id, HistoryRequest.after(from - 1, (int) (to - from + 1))).stream()
            .filter(message -> message.sequence() <= to)
            .forEach(held::add);
      }
    }
    return held;
  }

  /** Ranges of sequences, neighbours merged. */
  private static JsonValue ranges(List<long[]> sequences) {
    List<List<Long>> merged = new ArrayList<>();
    for (long[] range : sequences) {
      List<Long> previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && previous.get(1) + 1 == range[0]) {
        previous.set(1, range[1]);
      } else {
        merged.add(new ArrayList<>(List.of(range[0], range[1])));
      }
    }
    return JsonValue.from(MEMORY, merged);
  }

  private static List<long[]> decode(JsonValue ranges) {
    return ((JsonArray) ranges).elements().stream()
        .map(range -> ((JsonArray) range).elements())
        .map(bounds -> new long[] {number(bounds.get(0)), number(bounds.get(1))})
        .toList();
  }

  private static long number(JsonValue value) {
    return ((JsonNumber) value).value().longValueExact();
  }

  private UserId owner(String conversationId) {
    return Objects.requireNonNull(owner.apply(conversationId), "the user of a conversation cannot be null");
  }

  /** The same id for the same user and Spring AI id, always (the rule imports follow too). */
  static ConversationId convostoreId(UserId user, String conversationId) {
    return SpringAiChatMemory.conversationId(user, conversationId);
  }

  private static void requireText(String conversationId) {
    if (conversationId == null || conversationId.isBlank()) {
      throw new IllegalArgumentException("conversationId cannot be null or empty");
    }
  }

  /** A Spring AI conversation of a user. */
  private record Key(UserId user, String conversationId) {}

  /** A conversation's memory: its Spring AI messages and the sequences each one occupies. */
  private record Memory(Conversation conversation, List<Message> messages, List<long[]> sequences) {}

  /** Builds a {@link ConvostoreChatMemoryRepository}. */
  public static final class Builder {

    private final ConvoStore store;
    private Function<String, UserId> owner;
    private Optional<UserId> fixedUser = Optional.empty();
    private int maxMessages = 1_000;

    private Builder(ConvoStore store) {
      this.store = store;
    }

    /** Every conversation belongs to {@code user}. */
    public Builder user(UserId user) {
      Objects.requireNonNull(user, "user cannot be null");
      this.owner = conversationId -> user;
      this.fixedUser = Optional.of(user);
      return this;
    }

    /** Each conversation belongs to the user {@code owner} finds from its id (the same one every time). */
    public Builder userPerConversation(Function<String, UserId> owner) {
      this.owner = Objects.requireNonNull(owner, "owner cannot be null");
      this.fixedUser = Optional.empty();
      return this;
    }

    /** The most messages {@code findByConversationId} returns (the latest ones); 1,000 unless set. */
    public Builder maxMessages(int maxMessages) {
      if (maxMessages < 1) {
        throw new IllegalArgumentException("maxMessages must be at least 1");
      }
      this.maxMessages = maxMessages;
      return this;
    }

    /** The repository; the user must have been named. */
    public ConvostoreChatMemoryRepository build() {
      if (owner == null) {
        throw new IllegalStateException("name the user: user(UserId) or userPerConversation(Function)");
      }
      return new ConvostoreChatMemoryRepository(this);
    }
  }
}
