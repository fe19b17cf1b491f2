package dev.convostore.adapter.sqlite;

import dev.convostore.application.StoreFailureException;
import dev.convostore.application.StoreFailureException.Kind;
import dev.convostore.domain.ConvostoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns what the driver, the pool and MyBatis throw into the application's errors. Messages say
 * what happened in words a host can show; the cause is kept for the host's logs.
 */
final class SqliteErrors {

  private SqliteErrors() {}

  static ConvostoreException translate(Throwable failure) {
    if (failure instanceof ConvostoreException known) {
      return known;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConvostoreException known) {
        return known; // thrown by a type handler inside MyBatis
      }
      if (cause instanceof SQLTransientConnectionException timeout) {
        return new StoreFailureException(Kind.TIMEOUT,
            "no SQLite connection became free within the configured connection timeout", timeout);
      }
      if (cause instanceof SQLiteException sqlite) {
        return translate(sqlite);
      }
    }
    SQLException sql = firstSqlException(failure);
    return new StoreFailureException(Kind.INTERNAL, "the SQLite store failed unexpectedly", sql != null ? sql : failure);
  }

  private static StoreFailureException translate(SQLiteException failure) {
    SQLiteErrorCode code = failure.getResultCode();
    int primary = code.code & 0xff;
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return new StoreFailureException(Kind.BUSY,
          "the SQLite database stayed locked by another writer for longer than the busy timeout", failure);
    }
    if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return new StoreFailureException(Kind.CORRUPT, "the SQLite file is damaged or is not a database", failure);
    }
    if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_IOERR.code
        || primary == SQLiteErrorCode.SQLITE_FULL.code || primary == SQLiteErrorCode.SQLITE_READONLY.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code || primary == SQLiteErrorCode.SQLITE_AUTH.code) {
      return new StoreFailureException(Kind.UNAVAILABLE,
          "the SQLite file cannot be opened, read or written (" + describe(code) + ")", failure);
    }
    if (primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
      return new StoreFailureException(Kind.INTERNAL, "the SQLite store refused data that breaks one of its rules", failure);
    }
    return new StoreFailureException(Kind.INTERNAL, "the SQLite store failed unexpectedly (" + describe(code) + ")", failure);
  }

  private static String describe(SQLiteErrorCode code) {
    return code.name().toLowerCase(java.util.Locale.ROOT).replace("sqlite_", "").replace('_', ' ');
  }

  private static SQLException firstSqlException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
