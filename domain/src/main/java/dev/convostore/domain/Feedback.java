package dev.convostore.domain;

import java.util.Optional;

/**
 * What a user thinks of one message, for evaluating an assistant.
 *
 * <p>The rating runs from -1 (bad) through 0 (neither) to 1 (good): a thumbs-up is 1 and a
 * thumbs-down -1; a rating of {@code s} stars out of five is {@code (s - 3) / 2.0}.
 *
 * @param rating from -1 to 1
 * @param label a short name for the verdict the host chose ("helpful", "wrong-tool"), if any
 * @param comment the user's own words, if any
 */
public record Feedback(double rating, Optional<String> label, Optional<String> comment) {

  /** Longest label. */
  public static final int MAX_LABEL_LENGTH = 100;

  /** Longest comment. */
  public static final int MAX_COMMENT_LENGTH = 4_000;

  /** Validates every component. */
  public Feedback {
    if (!(rating >= -1 && rating <= 1)) { // also refuses NaN
      throw new ValidationException("rating", "must be from -1 to 1");
    }
    rating = rating == 0 ? 0 : rating; // -0.0 is stored as 0 by some databases
    label = Checks.optionalName("label", label, MAX_LABEL_LENGTH);
    comment = Checks.present("comment", comment).map(text -> Checks.nonBlankText("comment", text, MAX_COMMENT_LENGTH));
  }

  /** A rating without label or comment. */
  public static Feedback of(double rating) {
    return new Feedback(rating, Optional.empty(), Optional.empty());
  }

  /** This feedback with a label. */
  public Feedback withLabel(String text) {
    return new Feedback(rating, Optional.of(Checks.present("label", text)), comment);
  }

  /** This feedback with a comment. */
  public Feedback withComment(String text) {
    return new Feedback(rating, label, Optional.of(Checks.present("comment", text)));
  }
}
