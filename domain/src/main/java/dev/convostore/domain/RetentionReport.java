package dev.convostore.domain;

/**
 * What a retention run removed or changed.
 *
 * @param conversationsDeleted conversations deleted with everything they held
 * @param conversationsDeactivated conversations marked inactive
 * @param messagesDeleted messages removed, by deletion of their conversation or by trimming
 */
public record RetentionReport(long conversationsDeleted, long conversationsDeactivated, long messagesDeleted) {

  /** Nothing changed. */
  public static final RetentionReport NOTHING = new RetentionReport(0, 0, 0);

  /** The sum of two reports. */
  public RetentionReport plus(RetentionReport other) {
    return new RetentionReport(
        conversationsDeleted + other.conversationsDeleted,
        conversationsDeactivated + other.conversationsDeactivated,
        messagesDeleted + other.messagesDeleted);
  }
}
