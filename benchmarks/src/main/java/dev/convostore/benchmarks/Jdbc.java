package dev.convostore.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;

/** The plain JDBC the benchmark drivers share: the frameworks' pools, scripts and single values. */
final class Jdbc {

  /**
   * The URL parameter that turns off sqlite-jdbc's generated keys (a {@code SELECT
   * last_insert_rowid()} after every INSERT), as convostore's connections have them: every side's
   * SQLite connections get the driver settings convostore's get.
   */
  static final String SQLITE_NO_GENERATED_KEYS = "jdbc.get_generated_keys=false";

  private Jdbc() {}

  /** A pool of 2, as every side of a benchmark gets; {@code initSql} may be null. */
  static HikariDataSource pool(String url, String initSql) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    if (initSql != null) {
      config.setConnectionInitSql(initSql);
    }
    return new HikariDataSource(config);
  }

  /** The text of one of Spring AI's schema scripts for its JDBC chat memory. */
  static String springAiSchema(String name) {
    try (InputStream in = JdbcChatMemoryRepository.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Runs a script of statements separated by semicolons. */
  static void execute(DataSource source, String script) throws SQLException {
    try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      for (String one : script.split(";")) {
        if (!one.isBlank()) {
          statement.execute(one);
        }
      }
    }
  }

  static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The number a query returns. */
  static long single(DataSource source, String sql) throws SQLException {
    try (Connection connection = source.getConnection()) {
      return single(connection, sql);
    }
  }

  static long single(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url)) {
      return single(connection, sql);
    }
  }

  private static long single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
