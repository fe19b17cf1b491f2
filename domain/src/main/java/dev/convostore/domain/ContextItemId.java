package dev.convostore.domain;

import java.util.UUID;

/** Identifies a {@link ContextItem}. New ids are time-ordered UUIDs (version 7). */
public record ContextItemId(UUID value) implements Comparable<ContextItemId> {

  /** Validates that the UUID is present. */
  public ContextItemId {
    Checks.present("contextItemId", value);
  }

  /** A new, time-ordered id. */
  public static ContextItemId newId() {
    return new ContextItemId(UuidV7.next());
  }

  /** Parses the canonical text form; rejects anything else with a {@link ValidationException}. */
  public static ContextItemId parse(String text) {
    return new ContextItemId(Uuids.parse("contextItemId", text));
  }

  @Override
  public int compareTo(ContextItemId other) {
    return Uuids.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
