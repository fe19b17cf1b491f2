package dev.convostore.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A piece of memory or context an agent retrieved for a conversation.
 *
 * @param id identifies the item
 * @param conversationId the conversation it was retrieved for
 * @param details what the item holds
 * @param createdAt when it was added
 */
public record ContextItem(
    ContextItemId id, ConversationId conversationId, NewContextItem details, Instant createdAt) {

  /** Validates every component. */
  public ContextItem {
    Checks.present("id", id);
    Checks.present("conversationId", conversationId);
    Checks.present("details", details);
    createdAt = Checks.instant("createdAt", createdAt);
  }

  /** Where it came from. */
  public ContextSource source() {
    return details.source();
  }

  /** Its text. */
  public String content() {
    return details.content();
  }

  /** How relevant the retriever found it, in [0, 1]. */
  public double relevance() {
    return details.relevance();
  }

  /** The host's classification of the item, if any. */
  public Optional<String> contextType() {
    return details.contextType();
  }

  /** The role of the message the item was taken from, if any. */
  public Optional<MessageRole> originalRole() {
    return details.originalRole();
  }

  /** The focus area it belongs to, if any. */
  public Optional<String> focusArea() {
    return details.focusArea();
  }

  /** The kind of user preference it records, if any. */
  public Optional<String> preferenceType() {
    return details.preferenceType();
  }

  /** The host's own data about the item. */
  public JsonObject metadata() {
    return details.metadata();
  }
}
