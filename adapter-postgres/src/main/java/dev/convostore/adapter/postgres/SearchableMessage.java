package dev.convostore.adapter.postgres;

import dev.convostore.domain.Message;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A message with the words the row keeps for search: the application's words, each once, joined
 * by spaces (words never hold a space); the search index holds them as a vector.
 *
 * @param message the message
 * @param words its distinct words
 */
record SearchableMessage(Message message, String words) {

  /** PostgreSQL's limit on the vector the search index builds from them, less room for its per-word entries. */
  private static final int MAX_VECTOR_BYTES = 1_000_000;

  static SearchableMessage of(Message message) {
    Set<String> distinct = new LinkedHashSet<>(SearchTerms.tokenize(message.content()));
    long bytes = distinct.stream().mapToLong(word -> word.getBytes(StandardCharsets.UTF_8).length + 8L).sum();
    if (bytes > MAX_VECTOR_BYTES) {
      throw new ValidationException("content",
          "holds more distinct words than PostgreSQL can index for search (about 1 MB of them)");
    }
    return new SearchableMessage(message, String.join(" ", distinct));
  }
}
