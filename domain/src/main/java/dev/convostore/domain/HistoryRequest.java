package dev.convostore.domain;

/**
 * A window of a conversation's history. Windows are returned in chronological order and never
 * start with a tool result whose call lies outside them: such a window reaches back to include
 * the assistant message that made the call, so it can be more than {@code limit} long.
 *
 * @param direction which window
 * @param sequence the anchor for {@link Direction#BEFORE} and {@link Direction#AFTER}; 0 for
 *     {@link Direction#LAST}
 * @param limit the most messages, 1..{@value #MAX_LIMIT} (before reaching back for tool calls)
 */
public record HistoryRequest(Direction direction, long sequence, int limit) {

  /** Largest window. */
  public static final int MAX_LIMIT = 10_000;

  /** Which window. */
  public enum Direction {
    /** The last {@code limit} messages. */
    LAST,
    /** The {@code limit} messages just before {@code sequence}. */
    BEFORE,
    /** The {@code limit} messages just after {@code sequence}. */
    AFTER
  }

  /** Validates every component. */
  public HistoryRequest {
    Checks.present("direction", direction);
    Checks.nonNegative("sequence", sequence);
    if (direction == Direction.LAST && sequence != 0) {
      throw new ValidationException("sequence", "must be 0 for the last messages");
    }
    Checks.positive("limit", limit, MAX_LIMIT);
  }

  /** The last {@code limit} messages. */
  public static HistoryRequest last(int limit) {
    return new HistoryRequest(Direction.LAST, 0, limit);
  }

  /** The {@code limit} messages just before {@code sequence}. */
  public static HistoryRequest before(long sequence, int limit) {
    return new HistoryRequest(Direction.BEFORE, sequence, limit);
  }

  /** The {@code limit} messages just after {@code sequence}. */
  public static HistoryRequest after(long sequence, int limit) {
    return new HistoryRequest(Direction.AFTER, sequence, limit);
  }
}
