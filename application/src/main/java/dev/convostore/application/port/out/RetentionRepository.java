package dev.convostore.application.port.out;

import dev.convostore.domain.RetentionReport;
import java.time.Instant;

/** Bulk removal across all users. */
public interface RetentionRepository {

  /**
   * Deletes every conversation whose updatedAt is before {@code cutoff} (only the inactive ones
   * when {@code onlyInactive}), with all it holds.
   */
  RetentionReport deleteIdleSince(Instant cutoff, boolean onlyInactive);

  /**
   * Marks inactive every active conversation whose updatedAt is before {@code cutoff},
   * incrementing its version. Its updatedAt is kept: deactivation by retention is not activity.
   */
  RetentionReport deactivateIdleSince(Instant cutoff);

  /**
   * Deletes from every conversation all but its newest {@code keep} messages, and then the tool
   * results that would start what is left (their call is gone), lowering the message counts (last
   * sequences and updatedAt are kept).
   */
  RetentionReport trimMessages(int keep);
}
