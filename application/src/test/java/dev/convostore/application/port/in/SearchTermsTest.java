package dev.convostore.application.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

  @Test
  void wordsAreLowercaseRunsOfLettersMarksAndDigits() {
    assertEquals(List.of("hello", "world", "x2", "ünïcode", "i̇stanbul", "東京", "e\u0301t\u00e9"),
        SearchTerms.tokenize("Hello, WORLD! x2 ÜNÏCODE İstanbul 東京 e\u0301T\u00c9"));
  }

  @Test
  void runsLongerThanAWordAreLeftOut() {
    String hash = "A".repeat(SearchTerms.MAX_WORD_LENGTH + 1);
    assertEquals(List.of("before", "after"), SearchTerms.tokenize("before " + hash + " after"));
  }

  /** The ASCII shortcut splits and lowercases exactly as the Unicode rules do. */
  @Property
  void asciiShortcutAgreesWithUnicodeRules(@ForAll("mixedText") String text) {
    assertEquals(byUnicodeRules(text), SearchTerms.tokenize(text));
  }

  @Provide
  Arbitrary<String> mixedText() {
    Arbitrary<Character> ascii = Arbitraries.chars().range((char) 0, (char) 0x7f);
    Arbitrary<Character> any = Arbitraries.chars().all();
    Arbitrary<Character> tricky = Arbitraries.of('İ', 'ß', 'Σ', '\u0301', '²', 'Ⅻ', '\ud83d', '\ude00', 'ǅ', '٣');
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, ascii), net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(2, tricky))
        .list().ofMaxSize(80)
        .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
  }

  /** The rules as the class states them, one code point at a time. */
  private static List<String> byUnicodeRules(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    text.codePoints().forEach(codePoint -> {
      int type = Character.getType(codePoint);
      boolean wordChar = Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
      if (wordChar) {
        run.appendCodePoint(codePoint);
      } else {
        addWord(words, run);
      }
    });
    addWord(words, run);
    return words;
  }

  private static void addWord(List<String> words, StringBuilder run) {
    String word = run.toString().toLowerCase(Locale.ROOT);
    if (!word.isEmpty() && word.length() <= SearchTerms.MAX_WORD_LENGTH) {
      words.add(word);
    }
    run.setLength(0);
  }
}
