package dev.convostore.adapter.sqlite;

import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * The terms of SQLite's full-text index: each of the application's words of a message (runs of
 * letters, marks and digits, lowercased), prefixed by a tag of the message's owner. A search then
 * reads the entries of the asking user's words only, whatever other users store; an index of bare
 * words made it read every user's entries for a word and keep the user's. The tag is the first 8
 * bytes of the owner's SHA-256 in hexadecimal: a word never holds a character FTS5's ascii
 * tokenizer splits at, so the index keeps tag and word as one term; owners whose tags collide
 * share terms, and the search still keeps only the asking owner's messages.
 */
final class SqliteSearchWords {

  /**
   * The SQL function that reads a message's terms, (owner, content), owner NULL for bare words:
   * the index is filled with it, and migrations re-read every message's terms with it.
   */
  static final String FUNCTION = "convostore_search_words";

  private static final HexFormat HEX = HexFormat.of();

  private SqliteSearchWords() {}

  /** Whether a message's content holds a word, and so has terms in the index. */
  static boolean hasWords(String content) {
    return SearchTerms.hasWords(content);
  }

  /** The full-text query for the owner's messages that hold every word: each term as an FTS5 string. */
  static String query(UserId owner, SearchTerms terms) {
    String tag = tag(owner.value());
    return terms.words().stream().map(word -> '"' + tag + word + '"').collect(Collectors.joining(" "));
  }

  /** Defines {@link #FUNCTION} on a connection: the function is the application's own tokenizer. */
  static void defineOn(Connection connection) throws SQLException {
    Function.create(connection.unwrap(SQLiteConnection.class), FUNCTION, new Function() {
      @Override
      protected void xFunc() throws SQLException {
        if (args() != 2) {
          throw new SQLException(FUNCTION + " takes an owner (or NULL) and a content");
        }
        String owner = value_text(0);
        result(terms(owner == null ? "" : tag(owner), value_text(1)));
      }
    }, 2, Function.FLAG_DETERMINISTIC);
  }

  private static String terms(String tag, String content) {
    return SearchTerms.tokenize(content).stream().map(word -> tag + word).collect(Collectors.joining(" "));
  }

  /** The last owner tagged and its tag: an append's or an import's messages share one owner. */
  private record Tagged(String owner, String tag) {}

  private static volatile Tagged last = new Tagged("", digest(""));

  private static String tag(String owner) {
    Tagged tagged = last;
    if (!tagged.owner().equals(owner)) {
      tagged = new Tagged(owner, digest(owner));
      last = tagged;
    }
    return tagged.tag();
  }

  private static String digest(String owner) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException unavailable) {
      throw new IllegalStateException("every Java runtime provides SHA-256", unavailable);
    }
  }
}
