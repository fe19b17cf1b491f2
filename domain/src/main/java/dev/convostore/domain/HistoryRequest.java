package dev.convostore.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A window of a conversation's history. Windows are returned in chronological order and never
 * start with a tool result whose call lies outside them: such a window reaches back to include
 * the assistant message that made the call, so it can be more than {@code limit} long.
 *
 * @param direction which window
 * @param sequence the anchor for {@link Direction#BEFORE} and {@link Direction#AFTER}; 0 for
 *     {@link Direction#LAST}
 * @param limit the most messages, 1..{@value #MAX_LIMIT} (before reaching back for tool calls)
 * @param roles only messages of these roles; all when empty. A filtered window still never holds
 *     a tool result without its call: each result whose call the filter leaves out brings it along
 * @param kinds only messages of these kinds; all when empty (tool results bring their calls, as
 *     for {@code roles})
 */
public record HistoryRequest(Direction direction, long sequence, int limit, Set<MessageRole> roles, Set<MessageKind> kinds) {

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
    roles = members("roles", roles);
    kinds = members("kinds", kinds);
  }

  /** The last {@code limit} messages. */
  public static HistoryRequest last(int limit) {
    return new HistoryRequest(Direction.LAST, 0, limit, Set.of(), Set.of());
  }

  /** The {@code limit} messages just before {@code sequence}. */
  public static HistoryRequest before(long sequence, int limit) {
    return new HistoryRequest(Direction.BEFORE, sequence, limit, Set.of(), Set.of());
  }

  /** The {@code limit} messages just after {@code sequence}. */
  public static HistoryRequest after(long sequence, int limit) {
    return new HistoryRequest(Direction.AFTER, sequence, limit, Set.of(), Set.of());
  }

  /** This window of the messages of the given roles only. */
  public HistoryRequest withRoles(MessageRole... wanted) {
    return new HistoryRequest(direction, sequence, limit, new HashSet<>(Arrays.asList(wanted)), kinds);
  }

  /** This window of the messages of the given kinds only. */
  public HistoryRequest withKinds(MessageKind... wanted) {
    return new HistoryRequest(direction, sequence, limit, roles, new HashSet<>(Arrays.asList(wanted)));
  }

  /** Whether the window is filtered by role or kind. */
  public boolean filtered() {
    return !roles.isEmpty() || !kinds.isEmpty();
  }

  /** Whether {@code message} passes the role and kind filters. */
  public boolean admits(Message message) {
    return (roles.isEmpty() || roles.contains(message.role())) && (kinds.isEmpty() || kinds.contains(message.kind()));
  }

  private static <E> Set<E> members(String field, Set<E> values) {
    if (Checks.present(field, values).stream().anyMatch(Objects::isNull)) {
      throw new ValidationException(field, "must not hold null");
    }
    return Set.copyOf(values);
  }
}
