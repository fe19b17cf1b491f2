package dev.convostore.adapter.sqlite;

import dev.convostore.sql.PreparedConnections;
import dev.convostore.sql.SchemaVersions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

  /** The connections of another source, each with the search-terms function defined. */
  private static final class DefiningSearchWords extends PreparedConnections {

    DefiningSearchWords(DataSource connections) {
      super(connections);
    }

    @Override
    protected Connection prepare(Connection connection) throws SQLException {
      SqliteSearchWords.defineOn(connection);
      return connection;
    }
  }
}
