package dev.convostore.application.port.in;

import dev.convostore.domain.RetentionReport;
import java.time.Instant;

/**
 * Retention across all users: one call a host can schedule. These are operator calls, not user
 * calls, so they name no acting user.
 */
public interface RetentionUseCase {

  /** Applies the policy now and reports what it removed. */
  RetentionReport apply(RetentionPolicy policy);

  /** Deletes every conversation whose last activity is before {@code cutoff}. */
  RetentionReport purgeIdleSince(Instant cutoff);
}
