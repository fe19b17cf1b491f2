package dev.convostore.adapter.sqlite;

import dev.convostore.sql.SchemaVersions;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The SQLite schema's migrations and undo scripts, and how SQLite runs an undo script. The
 * connections they run on define {@link SqliteSearchWords#FUNCTION}, with which migrations read
 * the search terms of stored messages.
 */
final class SqliteSchema {

  private SqliteSchema() {}

  static SchemaVersions versions(DataSource dataSource) {
    return new SchemaVersions(new DefiningSearchWords(dataSource), "sqlite",
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'conversations'",
        SqliteSchema::run, SchemaVersions.Placement.LOCAL, SqliteErrors::translate);
  }

  /** The driver runs one statement at a time, so the script is split first. */
  private static void run(Connection connection, String script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(script)) {
        statement.execute(sql);
      }
    }
  }

  /**
   * The statements of a script: each ends with a semicolon at the end of a line, and a trigger's
   * body runs to its {@code END;}. Lines starting with {@code --} are comments.
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      boolean inTrigger = current.toString().stripLeading().toUpperCase().startsWith("CREATE TRIGGER");
      if (inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  /** Hands out the connections of another source, each with the search-terms function defined. */
  private static final class DefiningSearchWords implements DataSource {
    private final DataSource connections;

    DefiningSearchWords(DataSource connections) {
      this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return defined(connections.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return defined(connections.getConnection(username, password));
    }

    private static Connection defined(Connection connection) throws SQLException {
      try {
        SqliteSearchWords.defineOn(connection);
        return connection;
      } catch (SQLException | RuntimeException failed) {
        connection.close();
        throw failed;
      }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return connections.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      connections.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      connections.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return connections.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return connections.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return connections.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return connections.isWrapperFor(type);
    }
  }
}
