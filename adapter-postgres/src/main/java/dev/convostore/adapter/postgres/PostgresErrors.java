package dev.convostore.adapter.postgres;

import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.sql.SqlFailures;
import java.sql.SQLException;

/**
 * Turns what the driver, the pool and MyBatis throw into the application's errors, by SQLSTATE.
 */
final class PostgresErrors {

  private PostgresErrors() {}

  static ConvostoreException translate(Throwable failure) {
    return SqlFailures.translate(failure, "PostgreSQL", PostgresErrors::described);
  }

  private static StoreFailureException described(SQLException failure) {
    String state = failure.getSQLState();
    if (state == null) {
      return null;
    }
    String family = state.substring(0, 2);
    if (family.equals("28")) {
      return new StoreFailureException(Kind.REFUSED_SETTINGS,
          "the PostgreSQL server refused the credentials: check the user name and password", failure);
    }
    if (state.equals("3D000")) {
      return new StoreFailureException(Kind.REFUSED_SETTINGS,
          "the PostgreSQL database named in the URL does not exist on the server", failure);
    }
    if (family.equals("08") && String.valueOf(failure.getMessage()).contains("SSL")) {
      return new StoreFailureException(Kind.REFUSED_SETTINGS,
          "the PostgreSQL server does not accept the connection's TLS settings (sslmode and the ssl parameters)", failure);
    }
    if (family.equals("08") || state.startsWith("57P")
        || family.equals("53")) {
      return new StoreFailureException(Kind.UNAVAILABLE,
          "the PostgreSQL server cannot be reached, or is shutting down or out of resources",
          failure);
    }
    if (state.equals("57014")) {
      return new StoreFailureException(Kind.TIMEOUT,
          "PostgreSQL cancelled a statement that ran longer than the configured statement timeout", failure);
    }
    if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
      return new StoreFailureException(Kind.BUSY,
          "PostgreSQL aborted the call to resolve contention with other writers; retrying it will work", failure);
    }
    if (state.equals("XX001") || state.equals("XX002")) {
      return new StoreFailureException(Kind.CORRUPT, "PostgreSQL reports damaged data", failure);
    }
    if (family.equals("23")) {
      return new StoreFailureException(Kind.INTERNAL, "the PostgreSQL store refused data that breaks one of its rules", failure);
    }
    return new StoreFailureException(Kind.INTERNAL, "the PostgreSQL store failed unexpectedly (SQLSTATE " + state + ")", failure);
  }
}
