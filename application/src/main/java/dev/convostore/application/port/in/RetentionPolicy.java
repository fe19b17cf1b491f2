package dev.convostore.application.port.in;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ValidationException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What retention removes, across all users.
 *
 * @param idleFor conversations without activity for longer than this are handled by {@code
 *     idleAction}; none when empty
 * @param idleAction what happens to idle conversations
 * @param inactiveFor inactive conversations without activity for longer than this are deleted
 *     (the clean-up of inactive conversations); none when empty. Activity is what {@link
 *     dev.convostore.domain.Conversation#updatedAt()} records: a user's deactivation is activity,
 *     retention's is not, so a conversation {@code idleAction} deactivates goes once it has been
 *     idle for longer than this in all
 * @param keepLastMessages when present, every conversation keeps only its newest this many
 *     messages, fewer when the oldest kept would be tool results whose call goes (so no history
 *     starts with an orphan result; sequence numbers are not reused)
 */
public record RetentionPolicy(
    Optional<Duration> idleFor, IdleAction idleAction, Optional<Duration> inactiveFor, OptionalInt keepLastMessages) {

  /** What happens to idle conversations. */
  public enum IdleAction {
    /** Delete them with everything they hold. */
    DELETE,
    /** Mark them inactive and keep them. */
    DEACTIVATE
  }

  /** Validates every component. */
  public RetentionPolicy {
    positive("idleFor", idleFor);
    Checks.present("idleAction", idleAction);
    positive("inactiveFor", inactiveFor);
    Checks.present("keepLastMessages", keepLastMessages);
    keepLastMessages.ifPresent(keep -> Checks.positive("keepLastMessages", keep, Integer.MAX_VALUE));
    if (idleFor.isEmpty() && inactiveFor.isEmpty() && keepLastMessages.isEmpty()) {
      throw new ValidationException("policy", "must set at least one of idleFor, inactiveFor and keepLastMessages");
    }
  }

  private static void positive(String field, Optional<Duration> duration) {
    Checks.present(field, duration).ifPresent(present -> {
      if (present.isNegative() || present.isZero()) {
        throw new ValidationException(field, "must be a positive duration");
      }
    });
  }

  /** Delete conversations idle for longer than {@code duration}. */
  public static RetentionPolicy deleteIdle(Duration duration) {
    return new RetentionPolicy(Optional.of(duration), IdleAction.DELETE, Optional.empty(), OptionalInt.empty());
  }

  /** Deactivate conversations idle for longer than {@code duration}. */
  public static RetentionPolicy deactivateIdle(Duration duration) {
    return new RetentionPolicy(Optional.of(duration), IdleAction.DEACTIVATE, Optional.empty(), OptionalInt.empty());
  }

  /** Keep at most {@code count} messages per conversation. */
  public static RetentionPolicy keepLast(int count) {
    return new RetentionPolicy(Optional.empty(), IdleAction.DELETE, Optional.empty(), OptionalInt.of(count));
  }

  /** Delete inactive conversations without activity for longer than {@code duration}. */
  public static RetentionPolicy deleteInactive(Duration duration) {
    return new RetentionPolicy(Optional.empty(), IdleAction.DELETE, Optional.of(duration), OptionalInt.empty());
  }

  /** This policy also deleting inactive conversations without activity for longer than {@code duration}. */
  public RetentionPolicy andDeleteInactive(Duration duration) {
    return new RetentionPolicy(idleFor, idleAction, Optional.of(duration), keepLastMessages);
  }

  /** This policy also keeping at most {@code count} messages per conversation. */
  public RetentionPolicy andKeepLast(int count) {
    return new RetentionPolicy(idleFor, idleAction, inactiveFor, OptionalInt.of(count));
  }
}
