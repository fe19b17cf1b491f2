package dev.convostore.application.service;

import dev.convostore.application.port.in.RetentionPolicy;
import dev.convostore.application.port.in.RetentionUseCase;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.domain.Checks;
import dev.convostore.domain.RetentionReport;
import java.time.Duration;
import java.time.Instant;

final class RetentionService implements RetentionUseCase {

  private final RetentionRepository retention;
  private final Guard guard;

  RetentionService(RetentionRepository retention, Guard guard) {
    this.retention = retention;
    this.guard = guard;
  }

  @Override
  public RetentionReport apply(RetentionPolicy policy) {
    Checks.present("policy", policy);
    Instant now = guard.now();
    RetentionReport report = RetentionReport.NOTHING;
    if (policy.idleFor().isPresent()) {
      Instant cutoff = cutoff(now, policy.idleFor().get());
      report = switch (policy.idleAction()) {
        case DELETE -> retention.deleteIdleSince(cutoff, false);
        case DEACTIVATE -> retention.deactivateIdleSince(cutoff);
      };
    }
    if (policy.inactiveFor().isPresent()) {
      report = report.plus(retention.deleteIdleSince(cutoff(now, policy.inactiveFor().get()), true));
    }
    if (policy.keepLastMessages().isPresent()) {
      report = report.plus(retention.trimMessages(policy.keepLastMessages().getAsInt()));
    }
    return report;
  }

  @Override
  public RetentionReport purgeIdleSince(Instant cutoff) {
    return retention.deleteIdleSince(Checks.instant("cutoff", cutoff), false);
  }

  /** {@code duration} before {@code now}; nothing is older than the first storable instant. */
  private static Instant cutoff(Instant now, Duration duration) {
    Instant cutoff = now.minus(duration);
    return cutoff.isBefore(Checks.MIN_INSTANT) ? Checks.MIN_INSTANT : cutoff;
  }
}
