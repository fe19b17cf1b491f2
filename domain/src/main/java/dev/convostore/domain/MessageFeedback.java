package dev.convostore.domain;

import java.time.Instant;

/**
 * The feedback the user of a conversation gave on one of its messages: one per message, replaced
 * when given again.
 *
 * @param messageId the message
 * @param feedback what the user thinks of it
 * @param givenAt when it was given (or last replaced)
 */
public record MessageFeedback(MessageId messageId, Feedback feedback, Instant givenAt) {

  /** Validates every component. */
  public MessageFeedback {
    Checks.present("messageId", messageId);
    Checks.present("feedback", feedback);
    givenAt = Checks.instant("givenAt", givenAt);
  }
}
