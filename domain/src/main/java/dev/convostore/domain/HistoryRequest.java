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
 * @param filter the roles, kinds and tools of the messages the window holds. A filtered window still
 *     never holds a tool result without its call: each result whose call the filter leaves out
 *     brings it along
 */
public record HistoryRequest(Direction direction, long sequence, int limit, MessageFilter filter) {

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
    Checks.present("filter", filter);
  }

  /** The last {@code limit} messages. */
  public static HistoryRequest last(int limit) {
    return new HistoryRequest(Direction.LAST, 0, limit, MessageFilter.NONE);
  }

  /** The {@code limit} messages just before {@code sequence}. */
  public static HistoryRequest before(long sequence, int limit) {
    return new HistoryRequest(Direction.BEFORE, sequence, limit, MessageFilter.NONE);
  }

  /** The {@code limit} messages just after {@code sequence}. */
  public static HistoryRequest after(long sequence, int limit) {
    return new HistoryRequest(Direction.AFTER, sequence, limit, MessageFilter.NONE);
  }

  /** This window of the messages {@code only} keeps. */
  public HistoryRequest filtered(MessageFilter only) {
    return new HistoryRequest(direction, sequence, limit, only);
  }

  /** This window of the messages of the given roles only. */
  public HistoryRequest withRoles(MessageRole... wanted) {
    return new HistoryRequest(direction, sequence, limit, filter.withRoles(wanted));
  }

  /** This window of the messages of the given kinds only. */
  public HistoryRequest withKinds(MessageKind... wanted) {
    return new HistoryRequest(direction, sequence, limit, filter.withKinds(wanted));
  }

  /** This window of the calls and results of the given tools only. */
  public HistoryRequest withToolNames(String... wanted) {
    return new HistoryRequest(direction, sequence, limit, filter.withToolNames(wanted));
  }
}
