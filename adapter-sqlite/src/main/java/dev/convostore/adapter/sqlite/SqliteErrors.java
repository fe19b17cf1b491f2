package dev.convostore.adapter.sqlite;

import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.sql.SqlFailures;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns what the driver, the pool and MyBatis throw into the application's errors, by SQLite's result codes. */
final class SqliteErrors {

  private SqliteErrors() {}

  static ConvostoreException translate(Throwable failure) {
    return SqlFailures.translate(failure, "SQLite", sql -> sql instanceof SQLiteException sqlite ? translate(sqlite) : null);
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
}
