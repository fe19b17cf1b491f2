package dev.convostore.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.domain.ConvostoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;

/**
 * A database whose connections come from one pool and whose own locks order concurrent writers
 * (PostgreSQL, H2). Transactions run at the pool's isolation (READ COMMITTED), except reads of a
 * whole conversation, which run at REPEATABLE READ so that its parts agree. The pool must hand
 * out connections with auto-commit off, and reset what a call changed when they come back
 * (HikariCP does both).
 */
public final class PooledSqlDatabase implements SqlDatabase {

  private final DataSource pool;
  private final AutoCloseable closePool;
  private final SqlSessionFactory sessions;
  private final Function<Throwable, ConvostoreException> translate;
  private final String schemaVersion;

  private PooledSqlDatabase(
      DataSource pool, AutoCloseable closePool, Configuration configuration,
      Function<Throwable, ConvostoreException> translate, String schemaVersion) {
    this.schemaVersion = schemaVersion;
    this.pool = pool;
    this.closePool = closePool;
    this.sessions = new SqlSessionFactoryBuilder().build(configuration);
    this.translate = translate;
  }

  /**
   * The settings of a pool of {@code size} connections that a call waits for at most {@code
   * connectionTimeoutMillis}, with up to two kept open while idle.
   *
   * @param autoCommit whether connections come out of the pool in auto-commit mode
   * @param metrics the registry the pool reports to ({@link
   *     dev.convostore.application.port.out.StoreSettings#poolMetrics}), through HikariCP's own tracker
   */
  public static HikariConfig poolConfig(
      String name, int size, int connectionTimeoutMillis, boolean autoCommit, Optional<Object> metrics) {
    HikariConfig config = new HikariConfig();
    metrics.ifPresent(config::setMetricRegistry);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    config.setConnectionTimeout(connectionTimeoutMillis);
    config.setAutoCommit(autoCommit);
    return config;
  }

  /** Opens the pool; one that cannot start is reported through {@code translate}. */
  public static HikariDataSource openPool(HikariConfig config, Function<Throwable, ConvostoreException> translate) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException failed) {
      throw translate.apply(failed);
    }
  }

  /**
   * The database over a pool: its own, or the host's through {@link HostConnections} with
   * auto-commit off.
   *
   * @param closePool what closing the store does to the pool (and to what else the store holds)
   * @param configuration the adapter's MyBatis configuration
   * @param translate how the adapter reports a failure as the application's errors
   * @param schemaVersion the schema's version ({@link SchemaVersions#prepare})
   */
  public static PooledSqlDatabase over(
      DataSource pool, AutoCloseable closePool, Configuration configuration,
      Function<Throwable, ConvostoreException> translate, String schemaVersion) {
    return new PooledSqlDatabase(pool, closePool, configuration, translate, schemaVersion);
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public <T> T write(Function<SqlSession, T> work) {
    return transaction(ExecutorType.REUSE, false, work);
  }

  @Override
  public <T> T writeBatch(Function<SqlSession, T> work) {
    return transaction(ExecutorType.BATCH, false, work);
  }

  /** Each statement sees the latest commits (READ COMMITTED). */
  @Override
  public <T> T read(Function<SqlSession, T> work) {
    return transaction(ExecutorType.REUSE, false, work);
  }

  /** In auto-commit mode: one round trip per statement, no BEGIN and COMMIT. */
  @Override
  public <T> T query(Function<SqlSession, T> work) {
    try (SqlSession session = sessions.openSession(ExecutorType.REUSE, pool.getConnection())) {
      session.getConnection().setAutoCommit(true); // the pool sets it back when the connection returns
      return work.apply(session);
    } catch (RuntimeException | SQLException failed) {
      throw translate.apply(failed);
    }
  }

  /** REPEATABLE READ, read only. */
  @Override
  public <T> T readSnapshot(Function<SqlSession, T> work) {
    return transaction(ExecutorType.REUSE, true, work);
  }

  private <T> T transaction(ExecutorType executor, boolean snapshot, Function<SqlSession, T> work) {
    // The session owns the connection and closes it once: closing a pooled connection a second
    // time would close the statements of whichever thread has borrowed it since.
    try (SqlSession session = sessions.openSession(executor, pool.getConnection())) {
      try {
        if (snapshot) {
          Connection connection = session.getConnection();
          connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          connection.setReadOnly(true);
        }
        T result = work.apply(session);
        session.commit(true);
        return result;
      } catch (RuntimeException | SQLException | Error failed) {
        rollback(session, failed);
        throw failed;
      }
    } catch (RuntimeException | SQLException failed) {
      throw translate.apply(failed);
    }
  }

  private static void rollback(SqlSession session, Throwable failed) {
    try {
      session.rollback(true);
    } catch (RuntimeException alsoFailed) {
      failed.addSuppressed(alsoFailed); // a broken connection: the pool discards it
    }
  }

  @Override
  public void close() {
    try {
      closePool.close();
    } catch (Exception failed) {
      throw translate.apply(failed);
    }
  }
}
