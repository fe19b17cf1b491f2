package dev.convostore.adapter.postgres;

import static dev.convostore.sql.SqlSettings.CONNECTION_TIMEOUT;
import static dev.convostore.sql.SqlSettings.MIGRATE_ON_OPEN;
import static dev.convostore.sql.SqlSettings.PASSWORD;
import static dev.convostore.sql.SqlSettings.POOL_SIZE;
import static dev.convostore.sql.SqlSettings.USERNAME;

import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.domain.ValidationException;
import dev.convostore.sql.SchemaVersions.Placement;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The PostgreSQL adapter's settings, read from the store's {@code convostore.*} properties.
 *
 * @param url the JDBC URL ({@code jdbc:postgresql://host:port/database}, optionally with {@code
 *     ?currentSchema=...} and any other pgjdbc parameter)
 * @param username the database user, unless the URL names it
 * @param password the database password, unless the URL holds it
 * @param poolSize the most connections the store opens
 * @param connectionTimeoutMillis how long a call waits for a connection, free in the pool or new
 * @param statementTimeoutMillis the longest a statement may run before the server cancels it
 * @param migrateOnOpen whether opening the store applies pending migrations
 * @param placement where the tables live: on this server, or distributed over a Citus cluster
 * @param poolMetrics where the pool reports its metrics, if anywhere
 */
record PostgresSettings(
    String url,
    Optional<String> username,
    Optional<String> password,
    int poolSize,
    int connectionTimeoutMillis,
    int statementTimeoutMillis,
    boolean migrateOnOpen,
    Placement placement,
    Optional<Object> poolMetrics) {

  static final String SCHEME = "jdbc:postgresql:";
  static final String STATEMENT_TIMEOUT = "convostore.statement-timeout-ms";
  /** {@code citus} distributes the tables over the Citus cluster whose coordinator the URL names; {@code none} (the default) does not. */
  static final String DISTRIBUTE = "convostore.distribute";

  static PostgresSettings from(StoreSettings settings) {
    settings.requireKnownKeys("postgres",
        Set.of(USERNAME, PASSWORD, POOL_SIZE, CONNECTION_TIMEOUT, STATEMENT_TIMEOUT, MIGRATE_ON_OPEN, DISTRIBUTE));
    return new PostgresSettings(
        settings.url(),
        settings.property(USERNAME),
        settings.property(PASSWORD),
        settings.intProperty(POOL_SIZE, 10, 1, 1000),
        settings.intProperty(CONNECTION_TIMEOUT, 30_000, 250, 3_600_000),
        settings.intProperty(STATEMENT_TIMEOUT, 30_000, 0, 3_600_000),
        settings.booleanProperty(MIGRATE_ON_OPEN, true),
        placement(settings),
        settings.poolMetrics());
  }

  /** Where the {@link #DISTRIBUTE} setting puts the tables. */
  static Placement placement(StoreSettings settings) {
    String value = settings.property(DISTRIBUTE).map(String::strip).orElse("none");
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> Placement.LOCAL;
      case "citus" -> new CitusDistribution();
      default -> throw new ValidationException(DISTRIBUTE, "must be citus or none, not '" + value + "'");
    };
  }

  /** The settings without the password, for messages and logs. */
  @Override
  public String toString() {
    return "PostgresSettings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
  }
}
