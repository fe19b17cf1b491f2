package dev.convostore.sql;

import dev.convostore.domain.Feedback;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageId;
import java.time.Instant;
import java.util.Optional;

/** A row of message_feedback, as read; it lives only until {@link #given} validates it. */
public record FeedbackRow(MessageId messageId, double rating, Optional<String> label, Optional<String> comment, Instant givenAt) {

  /** The feedback the row holds. */
  public MessageFeedback given() {
    return new MessageFeedback(messageId, new Feedback(rating, label, comment), givenAt);
  }
}
