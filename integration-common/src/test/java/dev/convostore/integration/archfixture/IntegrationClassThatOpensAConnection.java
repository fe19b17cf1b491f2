package dev.convostore.integration.archfixture;

import java.sql.Connection;

/** Breaks the rule on purpose, so the test can show the rule would catch it. */
public final class IntegrationClassThatOpensAConnection {

  private IntegrationClassThatOpensAConnection() {}

  /** Reaches past the public API. */
  public static boolean closed(Connection connection) throws java.sql.SQLException {
    return connection.isClosed();
  }
}
