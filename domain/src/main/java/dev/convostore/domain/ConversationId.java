package dev.convostore.domain;

import java.util.UUID;

/** Identifies a {@link Conversation}. New ids are time-ordered UUIDs (version 7). */
public record ConversationId(UUID value) implements Comparable<ConversationId> {

  /** Validates that the UUID is present. */
  public ConversationId {
    Checks.present("conversationId", value);
  }

  /** A new, time-ordered id. */
  public static ConversationId newId() {
    return new ConversationId(UuidV7.next());
  }

  /** Parses the canonical text form; rejects anything else with a {@link ValidationException}. */
  public static ConversationId parse(String text) {
    return new ConversationId(Uuids.parse("conversationId", text));
  }

  @Override
  public int compareTo(ConversationId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
