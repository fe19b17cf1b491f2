package dev.convostore.sql;

import dev.convostore.application.port.out.SchemaMigration;
import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
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
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQL adapter's schema versions, kept by Flyway in convostore's own history table. Every
 * migration {@code <location>/V<n>__<what>.sql} has an undo script {@code
 * <undoLocation>/U<n>__<what>.sql} (outside the location, so Flyway never runs it), which {@link
 * #rollbackTo} runs newest first, removing the migration from the history so that migrating
 * applies it again.
 */
public final class SchemaVersions implements SchemaMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaVersions.class);

  /** Flyway's history table for convostore, apart from any history table of the host's. */
  public static final String HISTORY_TABLE = "convostore_schema_history";

  /** Runs the text of an undo script on a connection inside a transaction. */
  @FunctionalInterface
  public interface ScriptRunner {
    /** Runs every statement of {@code script}. */
    void run(Connection connection, String script) throws SQLException;
  }

  /**
   * Where the tables live beyond the schema itself, such as distributed over a cluster: arranged
   * after every migration, checked when migrations are off.
   */
  public interface Placement {
    /** The tables as one server keeps them: nothing to arrange or check. */
    Placement LOCAL = new Placement() {
      @Override
      public void requirePossible(DataSource dataSource) {}

      @Override
      public void place(DataSource dataSource) {}

      @Override
      public void require(DataSource dataSource) {}
    };

    /** Fails when the database cannot place the tables at all, before a migration creates them. */
    void requirePossible(DataSource dataSource) throws SQLException;

    /** Arranges the tables, doing nothing for those already in place. */
    void place(DataSource dataSource) throws SQLException;

    /** Fails naming the tables that are not in place. */
    void require(DataSource dataSource) throws SQLException;
  }

  private final DataSource dataSource;
  private final Placement placement;
  private final Flyway flyway;
  private final String undoLocation;
  private final String tablesExistQuery;
  private final ScriptRunner undoRunner;
  private final Function<Throwable, ? extends RuntimeException> translate;

  /** A database that runs a script of several statements as one statement. */
  public static final ScriptRunner WHOLE_SCRIPT = (connection, script) -> {
    try (Statement statement = connection.createStatement()) {
      statement.execute(script);
    }
  };

  /** The classpath folder of a dialect's migrations; its undo scripts are in the folder of the same name and {@code -undo}. */
  public static String location(String dialect) {
    return "db/convostore/" + dialect;
  }

  /**
   * Schema versions of a database that runs a script as one statement and describes its tables
   * in the standard {@code information_schema} (PostgreSQL, H2).
   */
  public SchemaVersions(
      DataSource dataSource, String dialect, Function<Throwable, ? extends RuntimeException> translate) {
    this(dataSource, dialect, Placement.LOCAL, translate);
  }

  /** As {@link #SchemaVersions(DataSource, String, Function)}, with the tables placed by {@code placement}. */
  public SchemaVersions(DataSource dataSource, String dialect, Placement placement,
      Function<Throwable, ? extends RuntimeException> translate) {
    this(dataSource, dialect, "SELECT count(*) FROM information_schema.tables"
        + " WHERE table_schema = current_schema AND lower(table_name) = 'conversations'", WHOLE_SCRIPT, placement,
        translate);
  }

  /**
   * @param dialect the name of the folders of the migrations and undo scripts ({@link #location})
   * @param tablesExistQuery a query whose first column is 1 when convostore's tables exist
   * @param undoRunner how the database runs a script of several statements
   * @param placement where the tables live beyond the schema
   * @param translate how the adapter reports a driver's exception
   */
  public SchemaVersions(DataSource dataSource, String dialect, String tablesExistQuery,
      ScriptRunner undoRunner, Placement placement, Function<Throwable, ? extends RuntimeException> translate) {
    this.dataSource = dataSource;
    this.placement = placement;
    this.flyway = Flyway.configure(SchemaVersions.class.getClassLoader())
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .locations("classpath:" + location(dialect))
        .load();
    this.undoLocation = location(dialect) + "-undo";
    this.tablesExistQuery = tablesExistQuery;
    this.undoRunner = undoRunner;
    this.translate = translate;
  }

  /** Applies the pending migrations, after refusing a schema newer than this version knows; returns how many ran. */
  public int migrate() {
    return translated(() -> {
      refuseNewer();
      if (flyway.info().pending().length == 0) {
        return 0; // the usual open: only read, so that many openers never queue for the write lock
      }
      MigrateResult result = flyway.migrate();
      LOG.info("Migrated convostore's schema from version {} to {} ({} applied)",
          result.initialSchemaVersion == null ? "0" : result.initialSchemaVersion, result.targetSchemaVersion,
          result.migrationsExecuted);
      return result.migrationsExecuted;
    });
  }

  /**
   * What opening a store does: applies the pending migrations and places the tables, or with
   * migrations off checks that none is pending and the tables are in place; returns the schema's
   * version.
   */
  public String prepare(boolean migrateOnOpen) {
    if (migrateOnOpen) {
      apply();
    } else {
      requireCurrent();
      placed(() -> placement.require(dataSource));
    }
    return translated(this::current);
  }

  /** Applies the pending migrations, then places the tables; returns how many migrations ran. */
  @Override
  public int apply() {
    placed(() -> placement.requirePossible(dataSource));
    int applied = migrate();
    placed(() -> placement.place(dataSource));
    return applied;
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void placed(SqlWork work) {
    try {
      work.run();
    } catch (SQLException | RuntimeException failed) {
      throw translate.apply(failed);
    }
  }

  @Override
  public List<SchemaMigration> status() {
    return translated(() -> Arrays.stream(flyway.info().all())
        .filter(info -> info.getVersion() != null)
        .map(info -> new SchemaMigration(info.getVersion().getVersion(), info.getDescription(), state(info.getState()),
            Optional.ofNullable(info.getInstalledOn()).map(Date::toInstant)))
        .toList());
  }

  private static SchemaMigration.State state(MigrationState state) {
    if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
      return SchemaMigration.State.NEWER_THAN_KNOWN;
    }
    return state.isApplied() ? SchemaMigration.State.APPLIED : SchemaMigration.State.PENDING;
  }

  /** Runs {@code work}, reporting what Flyway or the driver throws as the adapter's errors. */
  private <T> T translated(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException failed) {
      throw translate.apply(failed);
    }
  }

  /**
   * Checks, without changing anything, that the schema is the one this version knows. A database
   * whose tables were made by the host's own migration tool (no convostore history, but the
   * tables exist) is taken as current.
   */
  public void requireCurrent() {
    translated(() -> {
      checkCurrent();
      return null;
    });
  }

  private void checkCurrent() {
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
        PreparedStatement query = connection.prepareStatement(tablesExistQuery);
        ResultSet result = query.executeQuery()) {
      return result.next() && result.getInt(1) == 1;
    } catch (SQLException failed) {
      throw translate.apply(failed);
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
  public String current() {
    MigrationInfo current = flyway.info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  /** The newest version this adapter ships. */
  public String latestKnown() {
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
  @Override
  public int rollbackTo(String version) {
    return translated(() -> undoTo(version));
  }

  private int undoTo(String version) {
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
    String resource = undoLocation + "/U" + migration.getScript().substring(1);
    String script = read(resource);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        undoRunner.run(connection, script);
        try (PreparedStatement forget = connection.prepareStatement(
            // quoted as Flyway creates them: H2 would otherwise look for upper-case names
            "DELETE FROM \"" + HISTORY_TABLE + "\" WHERE \"version\" = ?")) {
          forget.setString(1, migration.getVersion().getVersion());
          forget.executeUpdate();
        }
        connection.commit();
      } catch (SQLException failed) {
        connection.rollback();
        throw failed;
      }
    } catch (SQLException failed) {
      throw translate.apply(failed);
    }
  }

  /** The text of a classpath resource of this library. */
  public static String read(String resource) {
    try (InputStream in = SchemaVersions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new StoreFailureException(Kind.INTERNAL, "the script " + resource + " is missing", null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new StoreFailureException(Kind.INTERNAL, "the script " + resource + " cannot be read", unreadable);
    }
  }
}
