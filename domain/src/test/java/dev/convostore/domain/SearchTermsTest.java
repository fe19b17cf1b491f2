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
}
