package dev.convostore.domain;


/** The call contradicts what is stored; nothing was changed. {@link #reason()} says how. */
public final class ConflictException extends ConvostoreException {

  private static final long serialVersionUID = 1L;

  /** How a call conflicted with the stored state. */
  public enum Reason {
    /** The conversation's version was not the expected one: someone else changed it first. */
    VERSION_MISMATCH,
    /** The conversation's last sequence was not the expected one: someone else appended first. */
    SEQUENCE_MISMATCH,
    /** A message id was appended again with different content. */
    MESSAGE_ID_REUSED,
    /** The id of a new conversation or context item is already taken. */
    ID_IN_USE,
    /**
     * An imported conversation is older than the stored one (fewer sequences or earlier
     * activity): importing it would lose what was added since.
     */
    OLDER_THAN_STORED
  }

  private final Reason reason;

  /**
   * @param reason how the call conflicted
   * @param message what happened, for people
   */
  public ConflictException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** How the call conflicted. */
  public Reason reason() {
    return reason;
  }
}
