package dev.convostore.integration;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ConversationPage;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.MemoryIds;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.UserId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat framework's memory as a view on the history of a convostore conversation: the
 * conversation keeps every message ever saved to it; the memory is the list saved last.
 *
 * <p><b>Saving appends, never rewrites.</b> A window memory saves the memory it read, trimmed from
 * the front (its system messages kept, unless a new one replaces them), followed by the new
 * messages. {@link #save} finds which messages at the start of the list the memory already holds
 * (the longest run that appears in the memory in order and ends with its last message, or else the
 * memory's system messages), appends only the rest, and makes the memory that run plus the
 * appended messages. So trimming a window never deletes history, and whatever list is saved,
 * {@link #find} returns exactly that list afterwards: a list that does not continue the memory (a
 * caller really replacing it) is appended whole and becomes the memory. Messages that another
 * client appends to the conversation join the memory.
 *
 * <p>The memory's extent is noted on the last message each save appends, in the append's own
 * transaction, or in the conversation's metadata by a save that appends nothing. The history
 * keeps the memories it read or wrote last; a read first checks, with one small statement (the
 * conversation's revision), that nothing was appended to the conversation, changed or redacted in
 * it since, and a save appends only on that condition, so another writer of the same
 * conversation (another instance of the application) makes it read again and retry, never lose a
 * message. A find is one statement; a save that continues the memory, one append, and only the
 * messages it appends are converted.
 *
 * @param <M> the framework's message type
 */
public final class ChatHistory<M> {

  private static final Logger LOG = LoggerFactory.getLogger(ChatHistory.class);

  /** How far back a read looks for the memory's note when other clients appended after it. */
  private static final int READ_BACK = 100;

  /** Conversations whose memory is kept, checked by one small read before use. */
  private static final int MEMORIES_KEPT = 1_000;

  /** Stripes of the locks that let one writer of a conversation at a time in this process. */
  private static final int LOCKS = 64;

  /** Memories each thread remembers having read, for the save that follows (a window memory reads, then saves). */
  private static final int READS_KEPT = 64;

  /** How often a save that lost a race with another process reads again. */
  private static final int ATTEMPTS = 10;

  private final ConvoStore store;
  private final FrameworkMessages<M> codec;
  private final String idMember;
  private final String memoryMember;
  private final int maxMessages;
  private final Object[] locks = new Object[LOCKS];
  private final ThreadLocal<Map<Key, Memory<M>>> lastRead = ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Memory<M>> eldest) {
      return size() > READS_KEPT;
    }
  });
  private final Map<Key, Memory<M>> memories = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Memory<M>> eldest) {
      return size() > MEMORIES_KEPT;
    }
  });

  /**
   * The memories of {@code codec}'s framework in {@code store}.
   *
   * @param idMember the conversation metadata member that keeps the framework's memory id
   * @param memoryMember the conversation metadata member that notes the memory after a save that appended nothing
   * @param maxMessages the most messages {@link #find} returns (the latest)
   */
  public ChatHistory(ConvoStore store, FrameworkMessages<M> codec, String idMember, String memoryMember, int maxMessages) {
    this.store = store;
    this.codec = codec;
    this.idMember = idMember;
    this.memoryMember = memoryMember;
    this.maxMessages = checkedMaxMessages(maxMessages);
    Arrays.setAll(locks, i -> new Object());
  }

  /** {@code maxMessages} when it is at least 1, the smallest window a find may return. */
  public static int checkedMaxMessages(int maxMessages) {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1");
    }
    return maxMessages;
  }

  /** The memory: the last {@code maxMessages} messages of the list saved last; empty when there is none. */
  public List<M> find(UserId user, String memoryId) {
    Key key = new Key(user, memoryId);
    Optional<Memory<M>> memory = read(key);
    lastRead.get().put(key, memory.orElse(new Memory<>(null, List.of(), List.of())));
    List<M> messages = memory.map(Memory::messages).orElse(List.of());
    return new ArrayList<>(messages.subList(Math.max(0, messages.size() - maxMessages), messages.size()));
  }

  /**
   * Appends what the memory does not hold yet and makes {@code messages} the memory (see the
   * class). When another writer changed the memory meanwhile and {@code messages} continued the
   * memory as it was, the messages it added are added to the memory as it is now: two writers that
   * each add to a memory both keep what they added.
   */
  public void save(UserId user, String memoryId, List<M> messages) {
    Key key = new Key(user, memoryId);
    // The memory this thread read last is the one the caller changed (a window memory reads, then saves).
    Memory<M> base = lastRead.get().remove(key);
    List<Integer> keptOfBase = base == null ? List.of() : MemoryMatch.kept(base.messages(), messages, codec::isSystem);
    Drafts drafts = new Drafts(messages);
    drafts.from(keptOfBase.size()); // refusals come first: what the memory does not hold is converted before any write
    ConflictException lost = null;
    synchronized (locks[Math.floorMod(key.hashCode(), locks.length)]) { // writers in this process take turns
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        try {
          Memory<M> current = Optional.ofNullable(memories.get(key)).or(() -> read(key)).orElseGet(() -> start(key));
          Memory<M> from = base == null || base.sameState(current) ? current : base;
          // From the caller's memory, or from the current one in the same state, which holds the same messages.
          List<Integer> kept = base != null ? keptOfBase : MemoryMatch.kept(from.messages(), messages, codec::isSystem);
          boolean continued = from.messages().isEmpty()
              || !kept.isEmpty() && kept.get(kept.size() - 1) == from.messages().size() - 1;
          if (from == current || !continued) {
            List<Integer> keptNow = from == current ? kept : MemoryMatch.kept(current.messages(), messages, codec::isSystem);
            write(key, current, keptNow, messages, drafts.from(keptNow.size()));
          } else { // another writer changed the memory since the caller read it: add to it what the caller added
            List<M> rebased = new ArrayList<>(current.messages());
            rebased.addAll(messages.subList(kept.size(), messages.size()));
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < current.messages().size(); i++) {
              all.add(i);
            }
            write(key, current, all, rebased, drafts.from(kept.size()));
          }
          return;
        } catch (ConflictException raced) { // another process wrote first: read again
          memories.remove(key);
          lost = raced;
          LOG.debug("Saving a {} memory raced another process's write; reading it again (attempt {})",
              codec.framework(), attempt + 2);
        }
      }
    }
    throw lost;
  }

  /** Deletes the conversation and its whole history; nothing when there is none. */
  public void delete(UserId user, String memoryId) {
    memories.remove(new Key(user, memoryId));
    try {
      store.conversations().delete(user, MemoryIds.conversationId(codec.framework(), user, memoryId));
    } catch (NotFoundException alreadyGone) {
      // nothing to delete
    }
  }

  /** The memory ids of the user's conversations of this framework, most recently active first. */
  public List<String> memoryIds(UserId user) {
    List<String> ids = new ArrayList<>();
    ListConversations page = ListConversations.of(user, ListConversations.MAX_LIMIT);
    while (true) {
      ConversationPage found = store.conversations().list(page);
      found.conversations().forEach(conversation -> conversation.metadata().get(idMember)
          .filter(JsonString.class::isInstance)
          .ifPresent(id -> ids.add(((JsonString) id).value())));
      if (found.nextCursor().isEmpty()) {
        return ids;
      }
      page = page.after(found.nextCursor().get());
    }
  }

  /**
   * Writes {@code messages} as the memory, the positions {@code kept} of {@code memory} kept and
   * {@code added} appended; on the condition that the conversation is as {@code memory} saw it.
   */
  private void write(Key key, Memory<M> memory, List<Integer> kept, List<M> messages, List<List<NewMessage>> added) {
    List<long[]> sequences = new ArrayList<>();
    kept.forEach(position -> sequences.add(memory.sequences().get(position)));
    Conversation conversation = memory.conversation();
    if (added.isEmpty()) {
      // Nothing to append: the memory's new extent goes to the conversation's metadata instead.
      Conversation changed = store.conversations().updateMetadata(key.user(), conversation.id(),
          conversation.metadata().with(memoryMember, JsonObject.of(
              "at", conversation.lastSequence(), "sequences", ranges(sequences))),
          OptionalLong.of(conversation.version()));
      memories.put(key, new Memory<>(changed, List.copyOf(messages), sequences));
      return;
    }
    List<NewMessage> appended = added.stream().flatMap(List::stream).collect(ArrayList::new, List::add, List::addAll);
    long first = conversation.lastSequence() + 1;
    for (List<NewMessage> message : added) {
      sequences.add(new long[] {first, first + message.size() - 1});
      first += message.size();
    }
    // The memory is noted on the last message, in the append's own transaction.
    NewMessage last = appended.remove(appended.size() - 1);
    appended.add(withMemory(last, ranges(sequences)));
    List<Message> stored = store.messages().append(new AppendMessages(
        key.user(), conversation.id(), appended, OptionalLong.of(conversation.lastSequence())));
    Conversation after = conversation.afterAppend(stored.size(), conversation.updatedAt(), Optional.empty());
    memories.put(key, new Memory<>(after, List.copyOf(messages), sequences));
  }

  private Memory<M> start(Key key) {
    Conversation started = store.conversations().start(StartConversation.by(key.user())
        .withId(MemoryIds.conversationId(codec.framework(), key.user(), key.memoryId()))
        .withMetadata(JsonObject.of(idMember, key.memoryId())));
    return new Memory<>(started, List.of(), List.of());
  }

  /**
   * The conversation's memory, or empty when there is no conversation yet. The conversation's
   * revision tells whether the memory last read or written here is still current (nothing
   * appended to the conversation, changed or redacted in it since); only when it is not are the
   * conversation and the memory's messages read.
   */
  private Optional<Memory<M>> read(Key key) {
    ConversationId id = MemoryIds.conversationId(codec.framework(), key.user(), key.memoryId());
    try {
      Memory<M> known = memories.get(key);
      if (known != null && known.conversation().revision().equals(store.conversations().revision(key.user(), id))) {
        return Optional.of(known);
      }
      Conversation conversation = store.conversations().get(key.user(), id);
      List<Message> held = messages(key.user(), id, extent(conversation));
      List<FrameworkMessages.Stored<M>> stored = codec.fromConvostore(held);
      Memory<M> memory = new Memory<>(conversation,
          stored.stream().map(FrameworkMessages.Stored::message).toList(),
          stored.stream().map(one -> new long[] {one.firstSequence(), one.lastSequence()}).toList());
      memories.put(key, memory);
      return Optional.of(memory);
    } catch (NotFoundException notYet) {
      memories.remove(key);
      return Optional.empty();
    }
  }

  /**
   * The memory's ranges of sequences: noted in the conversation's metadata by a save that
   * appended nothing, else on the last message; messages that another client appended after the
   * last note join the memory; a conversation this repository never wrote is its latest messages.
   */
  private List<long[]> extent(Conversation conversation) {
    long lastSequence = conversation.lastSequence();
    Optional<JsonObject> noted = conversation.metadata().get(memoryMember).map(JsonObject.class::cast)
        .filter(memory -> memory.get("at").map(ChatHistory::number).orElse(-1L) == lastSequence);
    if (noted.isPresent()) {
      return decode(noted.get().get("sequences").orElseThrow());
    }
    // Usually the last message holds the note; only when another client appended since is more read.
    List<Message> last = store.history().history(conversation.owner(), conversation.id(), HistoryRequest.last(1));
    List<Message> recent = last.isEmpty() || memory(last.get(0)).isPresent()
        ? last
        : store.history().history(conversation.owner(), conversation.id(), HistoryRequest.last(READ_BACK));
    for (int i = recent.size() - 1; i >= 0; i--) {
      Optional<JsonValue> memory = memory(recent.get(i));
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
  private List<Message> messages(UserId user, ConversationId id, List<long[]> ranges) {
    List<Message> held = new ArrayList<>();
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
    return JsonValue.from("memory", merged);
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

  private NewMessage withMemory(NewMessage message, JsonValue ranges) {
    JsonObject notes = notes(message.metadata()).with("memory", ranges);
    return message.withMetadata(message.metadata().with(codec.notesMember(), notes));
  }

  private Optional<JsonValue> memory(Message message) {
    return notes(message.metadata()).get("memory");
  }

  private JsonObject notes(JsonObject metadata) {
    return FrameworkMessages.notes(metadata, codec.notesMember());
  }

  /** The convostore messages of a saved list, converted when first needed: a save converts only what it appends. */
  private final class Drafts {
    private final List<M> messages;
    private final List<List<NewMessage>> converted;

    Drafts(List<M> messages) {
      this.messages = messages;
      this.converted = new ArrayList<>(Collections.nCopies(messages.size(), null));
    }

    /** The messages from {@code first} on, each as the convostore messages that hold it. */
    List<List<NewMessage>> from(int first) {
      for (int i = first; i < messages.size() && converted.get(i) == null; i++) {
        converted.set(i, codec.toConvostore(messages.get(i)));
      }
      return converted.subList(first, messages.size());
    }
  }

  /** A framework memory of a user. */
  private record Key(UserId user, String memoryId) {}

  /** A conversation's memory: the framework's messages and the sequences each one occupies. */
  private record Memory<M>(Conversation conversation, List<M> messages, List<long[]> sequences) {

    /** Whether both saw the conversation at the same point (a memory read before there was one has no conversation). */
    boolean sameState(Memory<M> other) {
      return conversation != null && other.conversation != null
          && conversation.revision().equals(other.conversation.revision());
    }
  }
}
