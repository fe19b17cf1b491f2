package dev.convostore.application.port.out;

import java.util.List;

/**
 * The versioned schema of a store's database: which migrations the adapter ships and which the
 * database has applied; applying them, and undoing them back to a version. Each method opens its
 * own connections and is safe to call while no store is open on the database.
 */
public interface SchemaMigrations {

  /** Every migration the adapter ships or the database has applied, oldest first. */
  List<SchemaMigration> status();

  /** Applies the pending migrations, refusing a schema newer than the adapter knows; returns how many ran. */
  int apply();

  /** Undoes, newest first, every applied migration newer than {@code version}; returns how many. */
  int rollbackTo(String version);
}
