package dev.convostore.benchmarks;

import java.util.SplittableRandom;

/**
 * Message texts of about 100 characters, drawn from a vocabulary: realistic text, whose words
 * follow a Zipf-like distribution (the commonest words most of the time, a long tail of rare
 * ones), or random text, where nearly every word is new (the worst case for a search index).
 */
enum Vocabulary {

  ZIPF("realistic vocabulary (Zipf)") {
    @Override
    String word(SplittableRandom random) {
      // rank r has probability proportional to 1/r: the inverse of the harmonic CDF, approximated
      int rank = (int) Math.min(VOCABULARY - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(VOCABULARY))) - 1);
      return rank < COMMON.length ? COMMON[rank] : "term" + rank;
    }
  },

  RANDOM("random text") {
    @Override
    String word(SplittableRandom random) {
      char[] letters = new char[3 + random.nextInt(8)];
      for (int i = 0; i < letters.length; i++) {
        letters[i] = (char) ('a' + random.nextInt(26));
      }
      return new String(letters);
    }
  };

  private static final int LENGTH = 100;
  private static final int VOCABULARY = 20_000;
  private static final String[] COMMON = ("the of and to a in is you that it he was for on are as with his they i at be"
      + " this have from or one had by word but not what all were we when your can said there use an each which she do"
      + " how their if will up other about out many then them these so some her would make like him into time has look"
      + " two more write go see number no way could people my than first water been call who oil its now find long down"
      + " day did get come made may part weather tomorrow trip hotel flight price order refund account password invoice")
      .split(" ");

  final String label;

  Vocabulary(String label) {
    this.label = label;
  }

  abstract String word(SplittableRandom random);

  /** A text of about 100 characters, the same for every call with the same seed. */
  String text(long seed) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + ordinal());
    StringBuilder text = new StringBuilder(LENGTH + 16);
    while (text.length() < LENGTH) {
      text.append(text.length() == 0 ? "" : " ").append(word(random));
    }
    return text.toString();
  }
}
