package dev.convostore.integration.langchain4j;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.MemoryIds;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.UserId;
import dev.convostore.integration.ChatHistory;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * LangChain4j's chat memory on convostore. Each memory is one convostore conversation, which keeps
 * every message ever given to it, tool execution requests and results included; the memory
 * LangChain4j reads is a view on that history ({@link ChatHistory} gives the rules).
 *
 * <p><b>{@link #updateMessages} appends, never rewrites.</b> LangChain4j's window memories ({@code
 * MessageWindowChatMemory}, {@code TokenWindowChatMemory}) give the memory they read, evicted from
 * the front, followed by the new messages: only the new ones are appended, and eviction never
 * deletes history. Whatever list is given, {@link #getMessages} returns exactly that list
 * afterwards: a list that does not continue the memory is appended whole and becomes the memory.
 * Two threads (or two instances of the application) updating the same memory both keep what they
 * added: an update that lost the race reads the memory again and adds its messages to it.
 *
 * <p>{@link #deleteMessages} deletes the conversation and its history. A memory id (any object,
 * usually a string or a number) names its conversation by its text ({@code toString()}), through
 * {@link MemoryIds}: the same id always finds the same conversation, and the text is kept in the
 * conversation's metadata ({@value #MEMORY_ID}). Ids whose texts are equal (the number 1 and the
 * string "1") name the same memory.
 *
 * <p>Contents convostore cannot hold (images, audio, video, PDF) are refused with an {@link
 * IllegalArgumentException} naming their type.
 */
public final class ConvostoreChatMemoryStore implements ChatMemoryStore {

  /** The conversation metadata member that holds the memory id's text. */
  public static final String MEMORY_ID = "langchain4j.memoryId";

  /** The conversation metadata member that holds the memory after an update that appended nothing. */
  public static final String MEMORY = "langchain4j.memory";

  private final ChatHistory<ChatMessage> history;
  private final Function<Object, UserId> owner;

  private ConvostoreChatMemoryStore(Builder builder) {
    this.history = new ChatHistory<>(builder.store, new LangChain4jMessages(), MEMORY_ID, MEMORY, builder.maxMessages);
    this.owner = builder.owner;
  }

  /** A builder over {@code store}; name the user (or how to find it) before building. */
  public static Builder builder(ConvoStore store) {
    return new Builder(Objects.requireNonNull(store, "store cannot be null"));
  }

  /** The memory: the last {@code maxMessages} messages of the list given last; empty when there is none. */
  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    return history.find(owner(memoryId), text(memoryId));
  }

  /** Appends what the memory does not hold yet and makes {@code messages} the memory (see the class). */
  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> messages) {
    if (messages == null || messages.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("messages cannot be null nor hold null");
    }
    history.save(owner(memoryId), text(memoryId), messages);
  }

  /** Deletes the conversation and its whole history. */
  @Override
  public void deleteMessages(Object memoryId) {
    history.delete(owner(memoryId), text(memoryId));
  }

  /** The conversation of a user's memory: the same one every time. */
  public static ConversationId conversationId(UserId user, Object memoryId) {
    return MemoryIds.conversationId(LangChain4jMessages.FRAMEWORK, user, text(memoryId));
  }

  private UserId owner(Object memoryId) {
    return Objects.requireNonNull(owner.apply(Objects.requireNonNull(memoryId, "memoryId cannot be null")),
        "the user of a memory cannot be null");
  }

  private static String text(Object memoryId) {
    String text = String.valueOf(Objects.requireNonNull(memoryId, "memoryId cannot be null"));
    if (text.isBlank()) {
      throw new IllegalArgumentException("memoryId cannot be blank");
    }
    return text;
  }

  /** Builds a {@link ConvostoreChatMemoryStore}. */
  public static final class Builder {

    private final ConvoStore store;
    private Function<Object, UserId> owner;
    private int maxMessages = 1_000;

    private Builder(ConvoStore store) {
      this.store = store;
    }

    /** Every memory belongs to {@code user}. */
    public Builder user(UserId user) {
      Objects.requireNonNull(user, "user cannot be null");
      this.owner = memoryId -> user;
      return this;
    }

    /** Each memory belongs to the user {@code owner} finds from its id (the same one every time). */
    public Builder userPerMemory(Function<Object, UserId> owner) {
      this.owner = Objects.requireNonNull(owner, "owner cannot be null");
      return this;
    }

    /** The most messages {@code getMessages} returns (the latest ones); 1,000 unless set. */
    public Builder maxMessages(int maxMessages) {
      this.maxMessages = ChatHistory.checkedMaxMessages(maxMessages);
      return this;
    }

    /** The store; the user must have been named. */
    public ConvostoreChatMemoryStore build() {
      if (owner == null) {
        throw new IllegalStateException("name the user: user(UserId) or userPerMemory(Function)");
      }
      return new ConvostoreChatMemoryStore(this);
    }
  }
}
