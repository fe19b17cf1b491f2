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
 * @param keepLastMessages when present, every conversation keeps only its newest this many
 *     messages, fewer when the oldest kept would be tool results whose call goes (so no history
 *     starts with an orphan result; sequence numbers are not reused)
 */
public record RetentionPolicy(Optional<Duration> idleFor, IdleAction idleAction, OptionalInt keepLastMessages) {

  /** What happens to idle conversations. */
  public enum IdleAction {
    /** Delete them with everything they hold. */
    DELETE,
    /** Mark them inactive and keep them. */
    DEACTIVATE
  }

  /** Validates every component. */
  public RetentionPolicy {
    Checks.present("idleFor", idleFor);
    idleFor.ifPresent(duration -> {
      if (duration.isNegative() || duration.isZero()) {
        throw new ValidationException("idleFor", "must be a positive duration");
      }
    });
    Checks.present("idleAction", idleAction);
    Checks.present("keepLastMessages", keepLastMessages);
    keepLastMessages.ifPresent(keep -> Checks.positive("keepLastMessages", keep, Integer.MAX_VALUE));
    if (idleFor.isEmpty() && keepLastMessages.isEmpty()) {
      throw new ValidationException("policy", "must set idleFor, keepLastMessages or both");
    }
  }

  /** Delete conversations idle for longer than {@code duration}. */
  public static RetentionPolicy deleteIdle(Duration duration) {
    return new RetentionPolicy(Optional.of(duration), IdleAction.DELETE, OptionalInt.empty());
  }

  /** Deactivate conversations idle for longer than {@code duration}. */
  public static RetentionPolicy deactivateIdle(Duration duration) {
    return new RetentionPolicy(Optional.of(duration), IdleAction.DEACTIVATE, OptionalInt.empty());
  }

  /** Keep at most {@code count} messages per conversation. */
  public static RetentionPolicy keepLast(int count) {
    return new RetentionPolicy(Optional.empty(), IdleAction.DELETE, OptionalInt.of(count));
  }

  /** This policy also keeping at most {@code count} messages per conversation. */
  public RetentionPolicy andKeepLast(int count) {
    return new RetentionPolicy(idleFor, idleAction, OptionalInt.of(count));
  }
}
