package dev.convostore.domain;

import java.util.regex.Pattern;

/**
 * Where a context item came from: one of the well-known sources below or a host-defined name of
 * 1..64 lowercase letters, digits, {@code _}, {@code -} or {@code .}.
 */
public record ContextSource(String name) {

  // Declared first: the constants below are validated against it during class initialization.
  private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]{1,64}");

  /** The agent's long-term memory. */
  public static final ContextSource LONG_TERM_MEMORY = new ContextSource("long_term_memory");

  /** Retrieval-augmented generation: documents found for the conversation. */
  public static final ContextSource RAG = new ContextSource("rag");

  /** The agent's current focus. */
  public static final ContextSource FOCUS = new ContextSource("focus");

  /** A preference the user stated. */
  public static final ContextSource USER_PREFERENCE = new ContextSource("user_preference");

  /** Validates the name. */
  public ContextSource {
    Checks.present("source", name);
    if (!NAME.matcher(name).matches()) {
      throw new ValidationException(
          "source", "must be 1..64 lowercase letters, digits, '_', '-' or '.'");
    }
  }

  /** Shorthand for {@code new ContextSource(name)}. */
  public static ContextSource of(String name) {
    return new ContextSource(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
