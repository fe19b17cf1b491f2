package dev.convostore.adapter.h2;

import static dev.convostore.sql.SqlSettings.CONNECTION_TIMEOUT;
import static dev.convostore.sql.SqlSettings.MIGRATE_ON_OPEN;
import static dev.convostore.sql.SqlSettings.PASSWORD;
import static dev.convostore.sql.SqlSettings.POOL_SIZE;
import static dev.convostore.sql.SqlSettings.USERNAME;

import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.domain.ValidationException;
import java.util.Optional;
import java.util.Set;

/**
 * The H2 adapter's settings, read from the store's {@code convostore.*} properties.
 *
 * @param url {@code jdbc:h2:file:PATH} or {@code jdbc:h2:mem:NAME}, optionally followed by H2's
 *     own {@code ;KEY=VALUE} settings
 * @param username the database user (H2 creates a new database with this user as its owner)
 * @param password the user's password
 * @param poolSize the most connections the store opens
 * @param connectionTimeoutMillis how long a call waits for a free connection
 * @param lockTimeoutMillis how long a statement waits for a row another transaction has locked
 * @param migrateOnOpen whether opening the store applies pending migrations
 * @param poolMetrics where the pool reports its metrics, if anywhere
 */
record H2Settings(
    String url,
    String username,
    String password,
    int poolSize,
    int connectionTimeoutMillis,
    int lockTimeoutMillis,
    boolean migrateOnOpen,
    Optional<Object> poolMetrics) {

  static final String SCHEME = "jdbc:h2:";
  private static final String FILE = "jdbc:h2:file:";
  private static final String MEMORY = "jdbc:h2:mem:";
  static final String LOCK_TIMEOUT = "convostore.lock-timeout-ms";

  static H2Settings from(StoreSettings settings) {
    settings.requireKnownKeys("h2",
        Set.of(USERNAME, PASSWORD, POOL_SIZE, CONNECTION_TIMEOUT, LOCK_TIMEOUT, MIGRATE_ON_OPEN));
    String url = settings.url();
    String name = url.startsWith(FILE) ? url.substring(FILE.length())
        : url.startsWith(MEMORY) ? url.substring(MEMORY.length())
        : null;
    if (name == null) {
      throw new ValidationException("url", "must be jdbc:h2:file:PATH or jdbc:h2:mem:NAME (H2 in this JVM)");
    }
    if (name.split(";", 2)[0].isBlank()) {
      throw new ValidationException("url", url.startsWith(MEMORY)
          ? "must name the in-memory database (jdbc:h2:mem:NAME), which the store's connections then share"
          : "must name the H2 file (jdbc:h2:file:PATH)");
    }
    return new H2Settings(
        url,
        settings.property(USERNAME).orElse("sa"),
        settings.property(PASSWORD).orElse(""),
        settings.intProperty(POOL_SIZE, 10, 1, 1000),
        settings.intProperty(CONNECTION_TIMEOUT, 30_000, 250, 3_600_000),
        settings.intProperty(LOCK_TIMEOUT, 10_000, 0, 3_600_000),
        settings.booleanProperty(MIGRATE_ON_OPEN, true),
        settings.poolMetrics());
  }

  /** Whether the database lives in memory, and so only while a connection to it is open. */
  boolean inMemory() {
    return url.startsWith(MEMORY);
  }

  /** The settings without the password, for messages and logs. */
  @Override
  public String toString() {
    return "H2Settings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
  }
}
