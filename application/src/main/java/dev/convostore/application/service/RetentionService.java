package dev.convostore.application.service;

import dev.convostore.application.port.in.RetentionPolicy;
import dev.convostore.application.port.in.RetentionUseCase;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.domain.Checks;
import dev.convostore.domain.RetentionReport;
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
      Instant cutoff = now.minus(policy.idleFor().get());
      if (cutoff.isBefore(Checks.MIN_INSTANT)) {
        cutoff = Checks.MIN_INSTANT; // nothing is older than the first storable instant
      }
      report = switch (policy.idleAction()) {
        case DELETE -> retention.deleteIdleSince(cutoff);
        case DEACTIVATE -> retention.deactivateIdleSince(cutoff);
      };
    }
    if (policy.keepLastMessages().isPresent()) {
      report = report.plus(retention.trimMessages(policy.keepLastMessages().getAsInt()));
    }
    return report;
  }

  @Override
  public RetentionReport purgeIdleSince(Instant cutoff) {
    return retention.deleteIdleSince(Checks.instant("cutoff", cutoff));
  }
}
