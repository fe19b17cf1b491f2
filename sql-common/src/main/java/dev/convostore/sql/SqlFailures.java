package dev.convostore.sql;

import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a driver, the pool and MyBatis throw into the application's errors: an error of the
 * application's own passes through, the pool's timeout is a timeout, and the first exception the
 * database describes is translated by the adapter. Messages say what happened in words a host can
 * show; the cause is kept for the host's logs.
 */
public final class SqlFailures {

  private static final Logger LOG = LoggerFactory.getLogger(SqlFailures.class);

  private SqlFailures() {}

  /**
   * @param database the database's name, as messages show it
   * @param described the adapter's translation of an exception that its database describes
   *     (by SQLSTATE or vendor code), or null when the exception says nothing the adapter knows
   */
  public static ConvostoreException translate(
      Throwable failure, String database, Function<SQLException, StoreFailureException> described) {
    SQLException first = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConvostoreException known) {
        return known; // thrown by a type handler or the adapter inside MyBatis
      }
      if (cause instanceof SQLTransientConnectionException timeout && timeout.getSQLState() == null) {
        return logged(new StoreFailureException(Kind.TIMEOUT,
            "no " + database + " connection became available within the configured connection timeout", timeout));
      }
      if (cause instanceof SQLException sql) {
        first = first == null ? sql : first;
        StoreFailureException translated = described.apply(sql);
        if (translated != null) {
          return logged(translated);
        }
      }
    }
    return logged(new StoreFailureException(
        Kind.INTERNAL, "the " + database + " store failed unexpectedly", first != null ? first : failure));
  }

  /**
   * One line per failure, with its kind and convostore's own message. The driver's exception stays
   * out of the log: its message may quote the SQL and the values, which are the users' data.
   */
  private static StoreFailureException logged(StoreFailureException failure) {
    LOG.warn("convostore call failed ({}): {}; cause: {}", failure.kind(), failure.getMessage(),
        failure.getCause() == null ? "none" : failure.getCause().getClass().getName());
    return failure;
  }
}
