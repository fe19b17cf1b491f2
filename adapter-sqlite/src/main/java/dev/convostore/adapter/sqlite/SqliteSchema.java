package dev.convostore.adapter.sqlite;

import dev.convostore.application.StoreFailureException;
import dev.convostore.application.StoreFailureException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The schema's versions, kept by Flyway in its own history table. Every migration {@code
 * V<n>__<what>.sql} has an undo script {@code U<n>__<what>.sql}, which {@link #rollbackTo} runs
 * newest first, removing the migration from the history so that migrating applies it again.
 */
final class SqliteSchema {

  static final String HISTORY_TABLE = "convostore_schema_history";
  static final String LOCATION = "db/convostore/sqlite";
  static final String UNDO_LOCATION = "db/convostore/sqlite-undo";

  private final DataSource dataSource;
  private final Flyway flyway;

  SqliteSchema(DataSource dataSource) {
    this.dataSource = dataSource;
    this.flyway = Flyway.configure(SqliteSchema.class.getClassLoader())
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .locations("classpath:" + LOCATION)
        .load();
  }

  /** Applies the pending migrations, after refusing a schema newer than this version knows; returns how many ran. */
  int migrate() {
    refuseNewer();
    return flyway.migrate().migrationsExecuted;
  }

  /**
   * Checks, without changing anything, that the schema is the one this version knows. A database
   * whose tables were made by the host's own migration tool (no convostore history, but the
   * tables exist) is taken as current.
   */
  void requireCurrent() {
    refuseNewer();
    boolean tracked = flyway.info().applied().length > 0;
    if (tracked ? flyway.info().pending().length > 0 : !hasTables()) {
      throw new StoreFailureException(Kind.SCHEMA_MISMATCH, "the database's schema is at version " + current()
          + " and this version of convostore needs " + latestKnown()
          + "; migrate it, or open the store with convostore.migrate-on-open=true", null);
    }
  }

  private boolean hasTables() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'conversations'");
        ResultSet result = query.executeQuery()) {
      return result.next() && result.getInt(1) == 1;
    } catch (SQLException failed) {
      throw SqliteErrors.translate(failed);
    }
  }

  private void refuseNewer() {
    boolean newer = Arrays.stream(flyway.info().applied()).anyMatch(applied ->
        applied.getState() == MigrationState.FUTURE_SUCCESS || applied.getState() == MigrationState.FUTURE_FAILED);
    if (newer) {
      throw new StoreFailureException(Kind.SCHEMA_MISMATCH, "the database's schema is at version " + current()
          + ", newer than this version of convostore knows (" + latestKnown() + "); upgrade convostore", null);
    }
  }

  /** The version of the newest applied migration, or "0" for none. */
  String current() {
    MigrationInfo current = flyway.info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  /** The newest version this adapter ships. */
  String latestKnown() {
    return Arrays.stream(flyway.info().all())
        .filter(info -> info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED)
        .map(MigrationInfo::getVersion)
        .max(MigrationVersion::compareTo)
        .map(MigrationVersion::getVersion)
        .orElse("0");
  }

  /**
   * Undoes every applied migration newer than {@code version}, newest first, each in its own
   * transaction with the removal of its history entry; returns how many were undone.
   */
  int rollbackTo(String version) {
    refuseNewer();
    MigrationVersion target = MigrationVersion.fromVersion(version);
    List<MigrationInfo> newerFirst = new ArrayList<>(Arrays.asList(flyway.info().applied()));
    newerFirst.removeIf(applied -> applied.getVersion() == null || applied.getVersion().compareTo(target) <= 0);
    newerFirst.sort((a, b) -> b.getVersion().compareTo(a.getVersion()));
    for (MigrationInfo migration : newerFirst) {
      undo(migration);
    }
    return newerFirst.size();
  }

  private void undo(MigrationInfo migration) {
    String script = UNDO_LOCATION + "/U" + migration.getScript().substring(1);
    List<String> statements = statements(script);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        for (String sql : statements) {
          statement.execute(sql);
        }
        try (PreparedStatement forget = connection.prepareStatement(
            "DELETE FROM " + HISTORY_TABLE + " WHERE version = ?")) {
          forget.setString(1, migration.getVersion().getVersion());
          forget.executeUpdate();
        }
        connection.commit();
      } catch (SQLException failed) {
        connection.rollback();
        throw failed;
      }
    } catch (SQLException failed) {
      throw SqliteErrors.translate(failed);
    }
  }

  /**
   * The statements of an undo script: each ends with a semicolon at the end of a line, and a
   * trigger's body runs to its {@code END;}. Lines starting with {@code --} are comments.
   */
  static List<String> statements(String resource) {
    String text;
    try (InputStream in = SqliteSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new StoreFailureException(Kind.INTERNAL, "the undo script " + resource + " is missing", null);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new StoreFailureException(Kind.INTERNAL, "the undo script " + resource + " cannot be read", unreadable);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
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
}
