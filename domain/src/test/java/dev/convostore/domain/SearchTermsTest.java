package dev.convostore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

  @Test
  void aTextHasWordsExactlyWhenItTokenizesToSome() {
    String longest = "a".repeat(SearchTerms.MAX_WORD_LENGTH);
    // İ lowercases to two characters: a run of it can be short enough in the text and too long as a word.
    String growsTooLong = "\u0130".repeat(SearchTerms.MAX_WORD_LENGTH / 2 + 1);
    for (String text : List.of("", " ,.!? ", "x", "Hello", "  trailing", "leading  ", longest, longest + "a",
        longest + "a " + longest, growsTooLong, growsTooLong + " ok", "\u0301", "e\u0301", "\uD83D\uDE00 \uD835\uDFCE")) {
      assertEquals(!SearchTerms.tokenize(text).isEmpty(), SearchTerms.hasWords(text), text);
    }
  }
}
