package dev.convostore.sql;

import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;

/**
 * A SQL adapter's database: it runs each unit of work in one transaction on a MyBatis session,
 * and reports failures as the application's errors.
 */
public interface SqlDatabase extends AutoCloseable {

  /** Runs {@code work} in one write transaction: all of it is stored, or none. */
  <T> T write(Function<SqlSession, T> work);

  /** Like {@link #write}, with JDBC batching of inserts (flushed before commit). */
  <T> T writeBatch(Function<SqlSession, T> work);

  /** Runs {@code work} in one transaction of reads. */
  <T> T read(Function<SqlSession, T> work);

  /**
   * Runs {@code work}, a single statement or reads that need not agree with each other, without a
   * transaction of its own: each statement is atomic by itself, and the round trips of BEGIN and
   * COMMIT are saved.
   */
  <T> T query(Function<SqlSession, T> work);

  /** Runs {@code work} in one transaction of reads that all see the same state of the database. */
  <T> T readSnapshot(Function<SqlSession, T> work);

  /** The version of the database's schema, as the store found it (or migrated it to) when it opened. */
  String schemaVersion();

  /** Releases the connections. */
  @Override
  void close();
}
