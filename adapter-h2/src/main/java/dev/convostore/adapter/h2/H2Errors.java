package dev.convostore.adapter.h2;

import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.sql.SqlFailures;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Turns what H2, the pool and MyBatis throw into the application's errors, by H2's error codes. */
final class H2Errors {

  private H2Errors() {}

  static ConvostoreException translate(Throwable failure) {
    return SqlFailures.translate(failure, "H2", H2Errors::described);
  }

  private static StoreFailureException described(SQLException failure) {
    return switch (failure.getErrorCode()) {
      case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1, ErrorCode.CONCURRENT_UPDATE_1 ->
          new StoreFailureException(Kind.BUSY,
              "another transaction held the rows this call needs for longer than the lock timeout; retrying it will work",
              failure);
      case ErrorCode.STATEMENT_WAS_CANCELED -> new StoreFailureException(Kind.TIMEOUT,
          "H2 cancelled a statement that ran too long", failure);
      case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new StoreFailureException(Kind.UNAVAILABLE,
          "the H2 file is open in another process (H2 lets one process at a time use a file)", failure);
      case ErrorCode.WRONG_USER_OR_PASSWORD -> new StoreFailureException(Kind.REFUSED_SETTINGS,
          "H2 refused the credentials: check the user name and password", failure);
      case ErrorCode.FILE_ENCRYPTION_ERROR_1, ErrorCode.WRONG_PASSWORD_FORMAT -> new StoreFailureException(
          Kind.REFUSED_SETTINGS, "H2 cannot open the file with the given encryption settings and password", failure);
      case ErrorCode.URL_RELATIVE_TO_CWD -> new StoreFailureException(Kind.REFUSED_SETTINGS,
          "H2 takes a file path that is absolute, or starts with ./ or ~/ (jdbc:h2:file:./NAME)", failure);
      case ErrorCode.DATABASE_NOT_FOUND_1, ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1, ErrorCode.URL_FORMAT_ERROR_2,
          ErrorCode.UNSUPPORTED_SETTING_1, ErrorCode.UNSUPPORTED_SETTING_COMBINATION ->
          new StoreFailureException(Kind.REFUSED_SETTINGS,
              "H2 cannot open the database as the URL describes it (check its path and settings)", failure);
      case ErrorCode.FILE_CORRUPTED_1 -> new StoreFailureException(Kind.CORRUPT,
          "the H2 file is damaged or is not an H2 database", failure);
      case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_NOT_FOUND_1, ErrorCode.FILE_CREATION_FAILED_1,
          ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.DATABASE_IS_CLOSED,
          ErrorCode.OUT_OF_MEMORY -> new StoreFailureException(Kind.UNAVAILABLE,
          "the H2 database cannot be opened, read or written (" + failure.getErrorCode() + ")", failure);
      default -> failure.getSQLState() != null && failure.getSQLState().startsWith("23")
          ? new StoreFailureException(Kind.INTERNAL, "the H2 store refused data that breaks one of its rules", failure)
          : null;
    };
  }
}
