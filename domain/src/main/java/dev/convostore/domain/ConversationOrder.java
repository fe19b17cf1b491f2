package dev.convostore.domain;

import java.time.Instant;

/** The order of a listing of conversations: newest first by a time, then by id descending. */
public enum ConversationOrder {

  /** The most recent activity first ({@link Conversation#updatedAt()}). */
  LAST_ACTIVITY,

  /** The most recently started first ({@link Conversation#createdAt()}); activity moves nothing. */
  CREATION;

  /** The time of {@code conversation} that this order sorts by. */
  public Instant timeOf(Conversation conversation) {
    return this == CREATION ? conversation.createdAt() : conversation.updatedAt();
  }
}
