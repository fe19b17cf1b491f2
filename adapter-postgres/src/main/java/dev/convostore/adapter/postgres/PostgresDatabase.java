package dev.convostore.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.sql.MyBatisSetup;
import dev.convostore.sql.SchemaVersions;
import dev.convostore.sql.SqlDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL database behind a HikariCP pool. Transactions run at READ COMMITTED, except
 * reads of a whole conversation, which run at REPEATABLE READ so that its parts agree.
 */
final class PostgresDatabase implements SqlDatabase {

  private static final Mappers MAPPERS = new Mappers(PostgresMessageMapper.class);

  private final HikariDataSource pool;
  private final SqlSessionFactory sessions;

  private PostgresDatabase(HikariDataSource pool) {
    this.pool = pool;
    this.sessions = new SqlSessionFactoryBuilder().build(configuration(pool));
  }

  /**
   * Brings the schema up to date (or checks it, when migrations are off) over connections of its
   * own, since Flyway may hold two at once, then opens the pool.
   */
  static PostgresDatabase open(PostgresSettings settings) {
    try {
      SchemaVersions schema = PostgresSchema.versions(direct(settings));
      if (settings.migrateOnOpen()) {
        schema.migrate();
      } else {
        schema.requireCurrent();
      }
    } catch (RuntimeException failed) {
      throw PostgresErrors.translate(failed);
    }
    return new PostgresDatabase(pool(settings));
  }

  /** Unpooled connections, which give up connecting after the connection timeout. */
  static DataSource direct(PostgresSettings settings) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(settings.url());
    settings.username().ifPresent(dataSource::setUser);
    settings.password().ifPresent(dataSource::setPassword);
    int seconds = Math.max(1, settings.connectionTimeoutMillis() / 1000);
    dataSource.setConnectTimeout(seconds);
    dataSource.setLoginTimeout(seconds);
    dataSource.setApplicationName("convostore");
    return dataSource;
  }

  private static HikariDataSource pool(PostgresSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("convostore-postgres");
    config.setJdbcUrl(settings.url());
    settings.username().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(2, settings.poolSize()));
    config.setConnectionTimeout(settings.connectionTimeoutMillis());
    config.setAutoCommit(false);
    // The server cancels a statement that runs too long; the driver gives up on a dead socket.
    config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeoutMillis());
    config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(
        60, (settings.statementTimeoutMillis() + settings.connectionTimeoutMillis()) / 1000 + 10)));
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "convostore");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException failed) {
      throw PostgresErrors.translate(failed);
    }
  }

  /** MyBatis, with the type handlers and the four mapper files. */
  static Configuration configuration(DataSource dataSource) {
    return MyBatisSetup.configuration(dataSource, "postgresql", PostgresTypes.byType(), PostgresTypes.named(), MAPPERS);
  }

  @Override
  public Mappers mappers() {
    return MAPPERS;
  }

  @Override
  public <T> T write(Function<SqlSession, T> work) {
    return transaction(ExecutorType.REUSE, null, work);
  }

  @Override
  public <T> T writeBatch(Function<SqlSession, T> work) {
    return transaction(ExecutorType.BATCH, null, work);
  }

  /** Each statement sees the latest commits (READ COMMITTED). */
  @Override
  public <T> T read(Function<SqlSession, T> work) {
    return transaction(ExecutorType.REUSE, null, work);
  }

  /** In auto-commit mode: one round trip per statement, no BEGIN and COMMIT. */
  @Override
  public <T> T query(Function<SqlSession, T> work) {
    try (SqlSession session = sessions.openSession(ExecutorType.REUSE, pool.getConnection())) {
      session.getConnection().setAutoCommit(true); // the pool sets it back when the connection returns
      return work.apply(session);
    } catch (RuntimeException | SQLException failed) {
      throw PostgresErrors.translate(failed);
    }
  }

  /** REPEATABLE READ, read only. */
  @Override
  public <T> T readSnapshot(Function<SqlSession, T> work) {
    return transaction(ExecutorType.REUSE, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", work);
  }

  private <T> T transaction(ExecutorType executor, String characteristics, Function<SqlSession, T> work) {
    // The session owns the connection and closes it once: closing a pooled connection a second
    // time would close the statements of whichever thread has borrowed it since.
    try (SqlSession session = sessions.openSession(executor, pool.getConnection())) {
      try {
        if (characteristics != null) {
          try (Statement statement = session.getConnection().createStatement()) {
            statement.execute(characteristics);
          }
        }
        T result = work.apply(session);
        session.commit(true);
        return result;
      } catch (RuntimeException | SQLException | Error failed) {
        rollback(session, failed);
        throw failed;
      }
    } catch (RuntimeException | SQLException failed) {
      throw PostgresErrors.translate(failed);
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
    pool.close();
  }
}
