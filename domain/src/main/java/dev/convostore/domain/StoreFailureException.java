package dev.convostore.domain;


/**
 * The storage could not do its job. Adapters translate their own errors (SQL states, I/O errors)
 * into this type; its message names no SQL and no internal detail, the cause keeps them for logs.
 */
public final class StoreFailureException extends ConvostoreException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The storage cannot be reached or refused the connection. Retrying later may work. */
    UNAVAILABLE,
    /**
     * The storage refused the connection's settings: wrong credentials, no such database, or
     * security (TLS) settings it does not accept. Retrying will not help; the settings need fixing.
     */
    REFUSED_SETTINGS,
    /** The storage did not answer within the configured time. Retrying may work. */
    TIMEOUT,
    /** The storage was busy with other writers or aborted the call to resolve contention. Retrying may work. */
    BUSY,
    /** The stored data is damaged, or the file is not a convostore database. */
    CORRUPT,
    /**
     * The database's schema is newer than this version of convostore knows (upgrade convostore),
     * or older and migrations are switched off (migrate it).
     */
    SCHEMA_MISMATCH,
    /** The store was configured without what the call needs (search over encrypted content). */
    UNSUPPORTED,
    /** Anything else. */
    INTERNAL
  }

  private final Kind kind;

  /**
   * @param kind what went wrong
   * @param message what happened, for people; no SQL, no internal detail
   * @param cause the adapter's own error, for logs
   */
  public StoreFailureException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** Whether the same call may succeed if retried. */
  public boolean retryable() {
    return kind == Kind.UNAVAILABLE || kind == Kind.TIMEOUT || kind == Kind.BUSY;
  }
}
