package dev.convostore.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The words of a full-text search. A message matches when its content holds every word as a
 * whole word, ignoring case; no stemming, no prefixes. A word is a run of Unicode letters, marks
 * and digits, lowercased, of at most {@value #MAX_WORD_LENGTH} characters; everything else
 * separates words, and a longer run (a hash, a base64 blob) is no word at all, so no index has
 * to hold it.
 *
 * @param words the distinct lowercase words, 1..{@value #MAX_WORDS}
 */
public record SearchTerms(List<String> words) {

  /** Most words in one query. */
  public static final int MAX_WORDS = 16;

  /** Longest query text. */
  public static final int MAX_QUERY_LENGTH = 1000;

  /** Longest word, in characters after lowercasing; longer runs are not words. */
  public static final int MAX_WORD_LENGTH = 200;

  /** Validates the words. */
  public SearchTerms {
    words = Checks.list("query", words);
    if (words.isEmpty()) {
      throw new ValidationException("query", "must contain at least one word");
    }
    if (words.size() > MAX_WORDS) {
      throw new ValidationException("query", "must contain at most " + MAX_WORDS + " words");
    }
    for (String word : words) {
      if (normalize(word).length() > MAX_WORD_LENGTH) {
        throw new ValidationException("query", "holds a word longer than " + MAX_WORD_LENGTH + " characters");
      }
      if (!word.equals(normalize(word)) || tokenize(word).size() != 1) {
        throw new ValidationException("query", "holds '" + word + "', which is not one lowercase word");
      }
    }
  }

  /** The words of a query typed by a person. */
  public static SearchTerms parse(String query) {
    Checks.text("query", query, 0, MAX_QUERY_LENGTH);
    List<String> runs = runs(query, false);
    if (runs.stream().anyMatch(run -> run.length() > MAX_WORD_LENGTH)) {
      throw new ValidationException("query", "holds a word longer than " + MAX_WORD_LENGTH + " characters");
    }
    return new SearchTerms(List.copyOf(new LinkedHashSet<>(runs)));
  }

  /** Whether {@code text} holds every word. */
  public boolean matches(String text) {
    return tokenize(text).containsAll(words);
  }

  /** The lowercase words of {@code text}, in order. */
  public static List<String> tokenize(String text) {
    List<String> words = runs(text, false);
    words.removeIf(run -> run.length() > MAX_WORD_LENGTH);
    return words;
  }

  /** Whether {@code text} holds a word ({@link #tokenize} is not empty), read up to its first word only. */
  public static boolean hasWords(String text) {
    return runs(text, true).stream().anyMatch(run -> run.length() <= MAX_WORD_LENGTH);
  }

  /**
   * The lowercase runs of letters, marks and digits in {@code text}, whatever their length; with
   * {@code untilAWord}, only up to the first run short enough to be a word.
   */
  private static List<String> runs(String text, boolean untilAWord) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); ) {
      int codePoint = i < text.length() ? text.codePointAt(i) : ' ';
      boolean wordChar = isWordChar(codePoint);
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        String run = normalize(text.substring(start, i));
        tokens.add(run);
        if (untilAWord && run.length() <= MAX_WORD_LENGTH) {
          return tokens;
        }
        start = -1;
      }
      i += Character.charCount(codePoint);
    }
    return tokens;
  }

  private static boolean isWordChar(int codePoint) {
    return Character.isLetterOrDigit(codePoint)
        || switch (Character.getType(codePoint)) {
          case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
              Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
          default -> false;
        };
  }

  private static String normalize(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
