package dev.convostore.adapter.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.sql.HostConnections;
import dev.convostore.sql.MyBatisSetup;
import dev.convostore.sql.PooledSqlDatabase;
import dev.convostore.sql.SqlDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.managed.ManagedTransaction;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * One SQLite file behind two pools: a single writer connection, which serializes this process's
 * writes without SQLite's busy-waiting, and several reader connections, which WAL lets run beside
 * the writer; or the connections of a host's DataSource, whose writers take turns on a lock.
 * Write transactions begin IMMEDIATE, so a writer in another process is waited for (up to the
 * busy timeout) when the transaction starts, never halfway through it.
 */
final class SqliteDatabase implements SqlDatabase {

  /** How long opening waits at least for another instance that is migrating the same file. */
  private static final int MIGRATION_WAIT_MILLIS = 60_000;
  /**
   * How long a writer waits for its turn among this process's writers. Only writers over a host's
   * pool ever wait here: the store's own writer pool, of one connection, queues them first.
   */
  private static final long WRITE_TURN_WAIT_MILLIS = 30_000;

  private final DataSource writer;
  private final DataSource readers;
  private final AutoCloseable closePools;
  /** This process's writers, one at a time: the writer pool has one connection, the host's may have many. */
  private final ReentrantLock writeLock;
  /** The host's connections may come without foreign keys enforced, which deletions rely on. */
  private final boolean enforceForeignKeys;
  private final Configuration configuration;
  private final String schemaVersion;
  private final Map<Connection, Lane> lanes = new ConcurrentHashMap<>();
  /** Checkpoints the store's own file; null over a host's connections, which keep SQLite's automatic checkpoint. */
  private final WalCheckpointer checkpointer;

  private SqliteDatabase(DataSource writer, DataSource readers, AutoCloseable closePools, boolean enforceForeignKeys,
      String schemaVersion, ReentrantLock writeLock, WalCheckpointer checkpointer) {
    this.writer = writer;
    this.writeLock = writeLock;
    this.readers = readers;
    this.closePools = closePools;
    this.enforceForeignKeys = enforceForeignKeys;
    this.configuration = configuration(readers);
    this.schemaVersion = schemaVersion;
    this.checkpointer = checkpointer;
  }

  /** Opens the pools after bringing the schema up to date (or checking it, when migrations are off). */
  static SqliteDatabase open(SqliteSettings settings) {
    String schemaVersion = SqliteSchema.versions(migrationDataSource(settings)).prepare(settings.migrateOnOpen());
    HikariDataSource writer = pool("convostore-sqlite-writer", 1, settings);
    try {
      HikariDataSource readers = pool("convostore-sqlite-readers", settings.readers(), settings);
      ReentrantLock writeLock = new ReentrantLock(true);
      WalCheckpointer checkpointer = new WalCheckpointer(dataSource(settings), writeLock);
      return new SqliteDatabase(writer, readers, () -> {
        readers.close();
        writer.close();
        checkpointer.close();
      }, false, schemaVersion, writeLock, checkpointer);
    } catch (RuntimeException failed) {
      writer.close();
      throw failed;
    }
  }

  /**
   * Over the host's connections, in auto-commit mode as transactions are begun explicitly. The
   * file goes to WAL, as the store's own files do, so that reads run beside a write (the journal
   * mode belongs to the file); the host's pool keeps its busy timeout.
   */
  static SqliteDatabase openOver(DataSource host, boolean migrateOnOpen) {
    String schemaVersion = SqliteSchema.versions(host).prepare(migrateOnOpen);
    DataSource connections = HostConnections.of(host, true);
    try (Connection connection = connections.getConnection()) {
      execute(connection, "PRAGMA journal_mode = WAL");
    } catch (SQLException failed) {
      throw SqliteErrors.translate(failed);
    }
    return new SqliteDatabase(connections, connections, () -> { }, true, schemaVersion, new ReentrantLock(true), null);
  }

  /** Connections to the file, set up for WAL, foreign keys and the busy timeout. */
  static SQLiteDataSource dataSource(SqliteSettings settings) {
    return dataSource(settings, new SQLiteConfig());
  }

  /**
   * Connections for migrations, whose transactions take the write lock as they begin: instances
   * opening a new file together then wait for each other in the busy timeout, and each re-reads
   * the history under the lock, instead of failing on a snapshot another one has outdated.
   */
  static SQLiteDataSource migrationDataSource(SqliteSettings settings) {
    SQLiteConfig config = new SQLiteConfig();
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // Another instance's migration runs once; waiting for it longer than for a write is worth it.
    return dataSource(settings, config, Math.max(settings.busyTimeoutMillis(), MIGRATION_WAIT_MILLIS));
  }

  private static SQLiteDataSource dataSource(SqliteSettings settings, SQLiteConfig config) {
    return dataSource(settings, config, settings.busyTimeoutMillis());
  }

  private static SQLiteDataSource dataSource(SqliteSettings settings, SQLiteConfig config, int busyTimeoutMillis) {
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(busyTimeoutMillis);
    // One thread at a time uses a connection (the pool lends it out whole): SQLite's own lock of
    // the connection, taken on every call, would be work for nothing.
    config.setOpenMode(SQLiteOpenMode.NOMUTEX);
    // convostore reads no generated keys; sqlite-jdbc would otherwise check every statement's text
    // for an INSERT and follow each one with a SELECT last_insert_rowid() of its own.
    config.setGetGeneratedKeys(false);
    SQLiteDataSource dataSource = new WaitingDataSource(config, busyTimeoutMillis);
    dataSource.setUrl(settings.url());
    return dataSource;
  }

  /**
   * Opening a connection switches a new file to WAL, which needs a lock that sqlite-jdbc asks for
   * before the busy timeout applies: a connection opened while another process creates the file
   * fails at once. This source retries such an open until the busy timeout has passed.
   */
  private static final class WaitingDataSource extends SQLiteDataSource {
    private static final long serialVersionUID = 1L;
    private final long busyTimeoutNanos;

    WaitingDataSource(SQLiteConfig config, int busyTimeoutMillis) {
      super(config);
      this.busyTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
      long deadline = System.nanoTime() + busyTimeoutNanos;
      while (true) {
        try {
          return super.getConnection(username, password);
        } catch (SQLiteException busy) {
          if (!busy.getResultCode().name().startsWith("SQLITE_BUSY") || System.nanoTime() > deadline) {
            throw busy;
          }
          try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(2, 20));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw busy;
          }
        }
      }
    }
  }

  private static HikariDataSource pool(String name, int size, SqliteSettings settings) {
    // With auto-commit off, the driver begins the next transaction as soon as one commits, which
    // for a writer would hold the file's write lock while idle. So connections stay in auto-commit
    // mode and each transaction is begun and ended explicitly: see transaction().
    HikariConfig config = PooledSqlDatabase.poolConfig(
        name, size, settings.connectionTimeoutMillis(), true, settings.poolMetrics());
    config.setDataSource(dataSource(settings));
    config.setConnectionInitSql(WalCheckpointer.TURN_OFF_AUTOMATIC);
    return PooledSqlDatabase.openPool(config, SqliteErrors::translate);
  }

  /** MyBatis, with the type handlers, the shared mapper files and SQLite's inserts of messages. */
  static Configuration configuration(DataSource dataSource) {
    return MyBatisSetup.configuration(dataSource, "sqlite", new SqliteTypes(), List.of(), SqliteMessageInserts.class);
  }

  @Override
  public <T> T write(Function<SqlSession, T> work) {
    return writeTransaction(ExecutorType.REUSE, work);
  }

  @Override
  public <T> T writeBatch(Function<SqlSession, T> work) {
    return writeTransaction(ExecutorType.BATCH, work);
  }

  /** A read transaction in WAL mode sees one state of the database throughout. */
  @Override
  public <T> T read(Function<SqlSession, T> work) {
    return readTransaction("BEGIN", work);
  }

  @Override
  public <T> T readSnapshot(Function<SqlSession, T> work) {
    return read(work);
  }

  @Override
  public <T> T query(Function<SqlSession, T> work) {
    return readTransaction(null, work);
  }

  private <T> T writeTransaction(ExecutorType executor, Function<SqlSession, T> work) {
    // The connection first: a writer that has its turn never waits for one that readers hold.
    try (Connection connection = writer.getConnection()) {
      waitForWriteLock();
      try {
        T result = transaction(connection, "BEGIN IMMEDIATE", executor, work);
        if (checkpointer != null) {
          checkpointer.written();
        }
        return result;
      } finally {
        writeLock.unlock();
      }
    } catch (RuntimeException | SQLException failed) {
      throw SqliteErrors.translate(failed);
    }
  }

  private <T> T readTransaction(String begin, Function<SqlSession, T> work) {
    try (Connection connection = readers.getConnection()) {
      return transaction(connection, begin, ExecutorType.REUSE, work);
    } catch (RuntimeException | SQLException failed) {
      throw SqliteErrors.translate(failed);
    }
  }

  private void waitForWriteLock() throws SQLException {
    try {
      if (!writeLock.tryLock(WRITE_TURN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException("no write turn within " + WRITE_TURN_WAIT_MILLIS + " ms");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted while waiting for a write turn", interrupted);
    }
  }

  /**
   * Runs {@code work} between {@code begin} and COMMIT; with no {@code begin}, each statement on its
   * own. MyBatis works on the pooled connection without owning it (it never closes or commits it):
   * the caller gives it back.
   */
  private <T> T transaction(Connection borrowed, String begin, ExecutorType executor, Function<SqlSession, T> work)
      throws SQLException {
    Connection connection = borrowed.unwrap(SQLiteConnection.class);
    Lane lane = lane(connection);
    boolean batch = executor != ExecutorType.REUSE;
    SqlSession session = batch ? session(connection, executor) : lane.session;
    boolean succeeded = false;
    try {
      if (begin == null) {
        T result = work.apply(session);
        succeeded = true;
        return result;
      }
      lane.execute(begin);
      try {
        T result = work.apply(session);
        if (batch) {
          session.flushStatements(); // runs what a BATCH session has queued
        }
        lane.execute("COMMIT");
        succeeded = true;
        return result;
      } catch (RuntimeException | SQLException | Error failed) {
        lane.rollback(failed);
        throw failed;
      }
    } finally {
      if (batch) {
        session.close();
      } else {
        lane.release(succeeded);
      }
    }
  }

  /**
   * Readies a connection for the store's statements: the index reads messages' words with {@link
   * SqliteSearchWords#FUNCTION}, and a host's connection may come without foreign keys enforced.
   */
  private void prepare(Connection connection) throws SQLException {
    SqliteSearchWords.defineOn(connection);
    if (enforceForeignKeys) {
      execute(connection, "PRAGMA foreign_keys = ON");
    }
  }

  private SqlSession session(Connection connection, ExecutorType executor) {
    return new DefaultSqlSession(configuration, configuration.newExecutor(new ManagedTransaction(connection, false), executor));
  }

  /**
   * The statement-keeping session of a pooled connection, made on its first use, when the
   * connection is also readied ({@link #prepare}): once per connection, not per call (SQLite
   * refuses to define a function again while a statement of the connection runs).
   */
  private Lane lane(Connection connection) throws SQLException {
    Lane lane = lanes.get(connection);
    if (lane == null) {
      lanes.values().removeIf(Lane::connectionClosed); // connections the pool has retired
      prepare(connection);
      lane = new Lane(connection, session(connection, ExecutorType.REUSE));
      lanes.put(connection, lane);
    }
    return lane;
  }

  /**
   * A pooled connection with a session that keeps its prepared statements between calls, since
   * SQLite compiles a statement anew on every prepare. It keeps them for a bounded number of calls,
   * so statements whose text varies with the input (IN lists, search words) cannot pile up, and
   * drops them after a failure.
   */
  private static final class Lane {

    private static final int CALLS_PER_STATEMENT_SET = 256;

    private final Connection connection;
    private final SqlSession session;
    /** BEGIN, COMMIT and ROLLBACK, prepared once (a plain statement is made, and parsed by the driver, per call). */
    private final Map<String, PreparedStatement> transactionStatements = new HashMap<>();
    private int calls;

    Lane(Connection connection, SqlSession session) {
      this.connection = connection;
      this.session = session;
    }

    void execute(String transactionStatement) throws SQLException {
      PreparedStatement statement = transactionStatements.get(transactionStatement);
      if (statement == null) {
        statement = connection.prepareStatement(transactionStatement);
        transactionStatements.put(transactionStatement, statement);
      }
      statement.execute();
    }

    void rollback(Throwable failed) {
      try {
        execute("ROLLBACK");
      } catch (SQLException alsoFailed) {
        failed.addSuppressed(alsoFailed); // SQLite may have rolled back already (for example on a full disk)
      }
    }

    void release(boolean succeeded) {
      if (!succeeded || ++calls >= CALLS_PER_STATEMENT_SET) {
        calls = 0;
        try {
          session.flushStatements(); // closes the statements the session kept
        } catch (RuntimeException closing) {
          // a statement that cannot close belongs to a broken connection, which the pool replaces
        }
      }
    }

    boolean connectionClosed() {
      try {
        return connection.isClosed();
      } catch (SQLException unknown) {
        return true;
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public void close() {
    lanes.values().forEach(lane -> lane.release(false));
    lanes.clear();
    try {
      closePools.close();
    } catch (Exception failed) {
      throw SqliteErrors.translate(failed);
    }
  }
}
