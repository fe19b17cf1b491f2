package dev.convostore.integration;

import dev.convostore.bootstrap.ConvoStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The stores the tests run on, opened through the public API: memory, a SQLite file, and a new
 * schema of the tests' PostgreSQL server (embedded, one per test JVM, started on first use).
 */
public final class TestStores {

  private static String postgresUrl;

  /** The stores the integration contracts run on, by the names the tests show. */
  public static final String MEMORY = "memory";
  public static final String SQLITE = "SQLite";
  public static final String POSTGRES = "PostgreSQL";

  private TestStores() {}

  /** The store named {@code kind} ({@link #MEMORY}, {@link #SQLITE} in {@code folder}, {@link #POSTGRES}). */
  public static ConvoStore open(String kind, Path folder) {
    return switch (kind) {
      case MEMORY -> memory();
      case SQLITE -> sqlite(folder);
      case POSTGRES -> postgres();
      default -> throw new IllegalArgumentException("no test store " + kind);
    };
  }

  public static ConvoStore memory() {
    return ConvoStore.open("memory:");
  }

  public static ConvoStore sqlite(Path folder) {
    return ConvoStore.open("jdbc:sqlite:" + folder.resolve("convostore-" + UUID.randomUUID() + ".db"));
  }

  public static ConvoStore postgres() {
    String schema = "integration_" + UUID.randomUUID().toString().replace("-", "");
    String server = postgresServer();
    try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ConvoStore.open(server + "&currentSchema=" + schema);
  }

  /** The JDBC URL of the tests' PostgreSQL server, started on first use and stopped when the JVM exits. */
  public static synchronized String postgresServer() {
    if (postgresUrl == null) {
      EmbeddedPostgres server = started();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));
      postgresUrl = server.getJdbcUrl("postgres", "postgres");
    }
    return postgresUrl;
  }

  private static EmbeddedPostgres started() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
    }
  }

  private static void stop(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException ignored) {
      // the JVM is exiting; the server's folder is temporary
    }
  }
}
