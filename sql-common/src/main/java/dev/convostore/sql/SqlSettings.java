package dev.convostore.sql;

/** The names of the settings every SQL adapter reads (each adapter adds a few of its own). */
public final class SqlSettings {

  /** Whether opening a store applies pending migrations ({@code true} unless set to {@code false}). */
  public static final String MIGRATE_ON_OPEN = "convostore.migrate-on-open";
  /** The most connections the store opens (SQLite: reader connections). */
  public static final String POOL_SIZE = "convostore.pool-size";
  /** How long a call waits for a connection, in milliseconds. */
  public static final String CONNECTION_TIMEOUT = "convostore.connection-timeout-ms";
  /** The database user (PostgreSQL, H2). */
  public static final String USERNAME = "convostore.username";
  /**
   * Over the host's DataSource (PostgreSQL, H2): the schema the store's tables go in, created if
   * missing; without it, the connections' current schema.
   */
  public static final String SCHEMA = "convostore.schema";
  /** The user's password (PostgreSQL, H2). */
  public static final String PASSWORD = "convostore.password";

  private SqlSettings() {}
}
