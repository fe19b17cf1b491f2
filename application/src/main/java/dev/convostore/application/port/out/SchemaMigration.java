package dev.convostore.application.port.out;

import dev.convostore.domain.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One schema migration.
 *
 * @param version its version, such as {@code "1"}
 * @param description what it does
 * @param state whether the database has it
 * @param appliedAt when the database applied it, if it did
 */
public record SchemaMigration(String version, String description, State state, Optional<Instant> appliedAt) {

  /** Whether the database has a migration. */
  public enum State {
    /** Applied, and known to this version of convostore. */
    APPLIED,
    /** Known to this version, not applied yet. */
    PENDING,
    /** Applied by a newer version of convostore: this one cannot use the database. */
    NEWER_THAN_KNOWN
  }

  /** Validates every component. */
  public SchemaMigration {
    Checks.present("version", version);
    Checks.present("description", description);
    Checks.present("state", state);
    Checks.present("appliedAt", appliedAt);
  }
}
