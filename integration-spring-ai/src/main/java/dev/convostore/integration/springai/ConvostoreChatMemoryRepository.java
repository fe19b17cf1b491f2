package dev.convostore.integration.springai;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.SpringAiChatMemory;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.UserId;
import dev.convostore.integration.ChatHistory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.Message;

/**
 * Spring AI's chat memory on convostore. Each Spring AI conversation is one convostore
 * conversation, which keeps every message ever saved to it, tool calls and tool responses
 * included; the memory Spring AI reads is a view on that history ({@link ChatHistory} gives the
 * rules).
 *
 * <p><b>{@link #saveAll} appends, never rewrites.</b> Spring AI's {@code MessageWindowChatMemory}
 * saves the memory it read, trimmed from the front, followed by the new messages: only the new
 * ones are appended, and trimming never deletes history. Whatever list is saved, {@link
 * #findByConversationId} returns exactly that list afterwards: a list that does not continue the
 * memory (a caller really replacing it) is appended whole and becomes the memory. When another
 * writer (another instance of the application) added to the memory meanwhile, what each added is
 * kept.
 *
 * <p>{@link #deleteByConversationId} deletes the conversation and its history. Conversation ids
 * map to convostore conversation ids by {@link SpringAiChatMemory#conversationId}, so the same id
 * always finds the same conversation; the id itself is kept in the conversation's metadata ({@value
 * #CONVERSATION_ID}).
 *
 * <p>Messages with media are refused. Metadata values that are not text, numbers, booleans, lists
 * or maps come back as their text.
 */
public final class ConvostoreChatMemoryRepository implements ChatMemoryRepository {

  /** The conversation metadata member that holds Spring AI's conversation id. */
  public static final String CONVERSATION_ID = SpringAiChatMemory.CONVERSATION_ID;

  /** The conversation metadata member that holds the memory after a save that appended nothing. */
  public static final String MEMORY = "springAi.memory";

  private final ChatHistory<Message> history;
  private final Function<String, UserId> owner;
  private final Optional<UserId> fixedUser;

  private ConvostoreChatMemoryRepository(Builder builder) {
    this.history = new ChatHistory<>(builder.store, new SpringAiMessages(), CONVERSATION_ID, MEMORY, builder.maxMessages);
    this.owner = builder.owner;
    this.fixedUser = builder.fixedUser;
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
    return history.memoryIds(fixedUser.orElseThrow(() -> new UnsupportedOperationException(
        "findConversationIds needs a fixed user: this repository finds the user from each conversation id")));
  }

  /** The memory: the last {@code maxMessages} messages of the list saved last. */
  @Override
  public List<Message> findByConversationId(String conversationId) {
    requireText(conversationId);
    return history.find(owner(conversationId), conversationId);
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
    history.save(owner(conversationId), conversationId, messages);
  }

  /** Deletes the conversation and its whole history. */
  @Override
  public void deleteByConversationId(String conversationId) {
    requireText(conversationId);
    history.delete(owner(conversationId), conversationId);
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
      this.maxMessages = ChatHistory.checkedMaxMessages(maxMessages);
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
