package dev.convostore.adapter.sqlite;

import static dev.convostore.sql.SqlSettings.CONNECTION_TIMEOUT;
import static dev.convostore.sql.SqlSettings.MIGRATE_ON_OPEN;
import static dev.convostore.sql.SqlSettings.POOL_SIZE;

import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.domain.ValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SQLite adapter's settings, read from the store's {@code convostore.*} properties.
 *
 * @param url the JDBC URL of the database file
 * @param readers how many connections serve reads (writes always go through one connection)
 * @param connectionTimeoutMillis how long a call waits for a free connection, including the writer's
 * @param busyTimeoutMillis how long SQLite waits for another process's write lock
 * @param migrateOnOpen whether opening the store applies pending migrations
 * @param poolMetrics where the pool reports its metrics, if anywhere
 */
record SqliteSettings(
    String url, int readers, int connectionTimeoutMillis, int busyTimeoutMillis, boolean migrateOnOpen,
    Optional<Object> poolMetrics) {

  static final String SCHEME = "jdbc:sqlite:";
  static final String BUSY_TIMEOUT = "convostore.busy-timeout-ms";

  static SqliteSettings from(StoreSettings settings) {
    settings.requireKnownKeys("sqlite", Set.of(POOL_SIZE, CONNECTION_TIMEOUT, BUSY_TIMEOUT, MIGRATE_ON_OPEN));
    return new SqliteSettings(
        fileUrl(settings),
        settings.intProperty(POOL_SIZE, 4, 1, 64),
        settings.intProperty(CONNECTION_TIMEOUT, 30_000, 250, 3_600_000),
        settings.intProperty(BUSY_TIMEOUT, 5_000, 0, 3_600_000),
        settings.booleanProperty(MIGRATE_ON_OPEN, true),
        settings.poolMetrics());
  }

  /** The URL of the settings, which must name a file. */
  static String fileUrl(StoreSettings settings) {
    String url = settings.url();
    String file = url.substring(SCHEME.length());
    String lower = file.toLowerCase(Locale.ROOT);
    if (file.isBlank() || lower.contains(":memory:") || lower.contains("mode=memory")) {
      throw new ValidationException("url", "must name a SQLite file; an in-memory SQLite database cannot be shared by "
          + "the adapter's connections (use memory: for a store in memory)");
    }
    return url;
  }
}
