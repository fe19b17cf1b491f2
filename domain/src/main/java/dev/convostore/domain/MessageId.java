package dev.convostore.domain;

import java.util.UUID;

/** Identifies a {@link Message}. New ids are time-ordered UUIDs (version 7). */
public record MessageId(UUID value) implements Comparable<MessageId> {

  /** Validates that the UUID is present. */
  public MessageId {
    Checks.present("messageId", value);
  }

  /** A new, time-ordered id. */
  public static MessageId newId() {
    return new MessageId(UuidV7.next());
  }

  /** Parses the canonical text form; rejects anything else with a {@link ValidationException}. */
  public static MessageId parse(String text) {
    return new MessageId(Uuids.parse("messageId", text));
  }

  @Override
  public int compareTo(MessageId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
