package dev.convostore.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A whole conversation: its attributes, all its messages in sequence order and its context
 * items. The unit of export, import and whole-conversation saves.
 *
 * @param conversation the conversation
 * @param messages its messages, in increasing sequence order
 * @param contextItems its context items
 * @param feedback the feedback on its messages, in message order
 */
public record ConversationSnapshot(
    Conversation conversation, List<Message> messages, List<ContextItem> contextItems, List<MessageFeedback> feedback) {

  /** Validates that every part belongs to the conversation and that the counts agree. */
  public ConversationSnapshot {
    Checks.present("conversation", conversation);
    messages = Checks.list("messages", messages);
    contextItems = Checks.list("contextItems", contextItems);
    feedback = Checks.list("feedback", feedback);
    long previous = 0;
    Set<MessageId> ids = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      String field = "messages[" + i + "]";
      if (!message.conversationId().equals(conversation.id())
          || !message.owner().equals(conversation.owner())) {
        throw new ValidationException(field, "belongs to another conversation");
      }
      if (message.sequence() <= previous || message.sequence() > conversation.lastSequence()) {
        throw new ValidationException(
            field + ".sequence", "must increase and not exceed the conversation's lastSequence");
      }
      if (!ids.add(message.id())) {
        throw new ValidationException(field + ".id", "repeats the id of an earlier message");
      }
      previous = message.sequence();
    }
    if (conversation.messageCount() != messages.size()) {
      throw new ValidationException("conversation.messageCount", "must equal the number of messages");
    }
    Set<ContextItemId> itemIds = new HashSet<>();
    for (int i = 0; i < contextItems.size(); i++) {
      ContextItem item = contextItems.get(i);
      if (!item.conversationId().equals(conversation.id())) {
        throw new ValidationException("contextItems[" + i + "]", "belongs to another conversation");
      }
      if (!itemIds.add(item.id())) {
        throw new ValidationException("contextItems[" + i + "].id", "repeats the id of an earlier item");
      }
    }
    Set<MessageId> rated = new HashSet<>();
    for (int i = 0; i < feedback.size(); i++) {
      MessageId messageId = feedback.get(i).messageId();
      if (!ids.contains(messageId)) {
        throw new ValidationException("feedback[" + i + "].messageId", "names no message of the conversation");
      }
      if (!rated.add(messageId)) {
        throw new ValidationException("feedback[" + i + "].messageId", "repeats the message of earlier feedback");
      }
    }
  }

  /** A snapshot without feedback. */
  public ConversationSnapshot(Conversation conversation, List<Message> messages, List<ContextItem> contextItems) {
    this(conversation, messages, contextItems, List.of());
  }

  /**
   * A snapshot built message by message, for a host that saves whole conversations: the builder
   * numbers the messages, gives ids to those without one, and counts them.
   *
   * <pre>{@code
   * ConversationSnapshot snapshot = ConversationSnapshot.builder(ConversationId.newId(), alice, started)
   *     .title("Trip to Oslo")
   *     .message(NewMessage.user("What is the weather in Oslo?"), started)
   *     .message(NewMessage.assistant("It is 4 °C."), started.plusSeconds(2))
   *     .build();
   * store.conversations().save(alice, snapshot);
   * }</pre>
   */
  public static Builder builder(ConversationId id, UserId owner, Instant createdAt) {
    return new Builder(id, owner, createdAt);
  }

  /** Builds a {@link ConversationSnapshot}; each part is checked as it is given, the whole by {@link #build}. */
  public static final class Builder {

    private final ConversationId id;
    private final UserId owner;
    private final Instant createdAt;
    private Optional<String> title = Optional.empty();
    private boolean active = true;
    private JsonObject metadata = JsonObject.empty();
    private AgentState agentState = AgentState.initial();
    private long version = 1;
    private Instant lastActivity;
    private final List<Message> messages = new ArrayList<>();
    private final List<ContextItem> contextItems = new ArrayList<>();

    private Builder(ConversationId id, UserId owner, Instant createdAt) {
      this.id = Checks.present("id", id);
      this.owner = Checks.present("owner", owner);
      this.createdAt = Checks.instant("createdAt", createdAt);
      this.lastActivity = this.createdAt;
    }

    /** The conversation's title (none unless given). */
    public Builder title(String title) {
      this.title = Optional.of(Checks.name("title", title, Conversation.MAX_TITLE_LENGTH));
      return this;
    }

    /** Whether the conversation is active (it is unless said otherwise). */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** The conversation's metadata (empty unless given). */
    public Builder metadata(JsonObject metadata) {
      this.metadata = Checks.present("metadata", metadata);
      return this;
    }

    /** The agent's working state (the initial one unless given). */
    public Builder agentState(AgentState agentState) {
      this.agentState = Checks.present("agentState", agentState);
      return this;
    }

    /** The conversation's version (1 unless given); saving over a stored conversation takes a higher one. */
    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /** The next message, written at {@code at}; its id is the draft's, or a new one. */
    public Builder message(NewMessage draft, Instant at) {
      Checks.present("message", draft);
      Instant written = Checks.instant("at", at);
      messages.add(draft.toMessage(draft.id().orElseGet(MessageId::newId), id, owner, messages.size() + 1, written));
      lastActivity = written.isAfter(lastActivity) ? written : lastActivity;
      return this;
    }

    /** A context item, added at {@code at}. */
    public Builder contextItem(NewContextItem item, Instant at) {
      contextItems.add(new ContextItem(ContextItemId.newId(), id, Checks.present("contextItem", item), at));
      return this;
    }

    /**
     * The snapshot: its last activity is its latest message's time (or its creation), its counts
     * are its messages'.
     *
     * @throws ValidationException naming what does not fit together
     */
    public ConversationSnapshot build() {
      Conversation conversation = new Conversation(id, owner, title, active, createdAt, lastActivity,
          messages.size(), messages.size(), metadata, agentState, version);
      return new ConversationSnapshot(conversation, messages, contextItems);
    }
  }
}
