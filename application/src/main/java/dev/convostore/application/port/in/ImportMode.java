package dev.convostore.application.port.in;

/** What an import does with a conversation that is already stored. */
public enum ImportMode {

  /**
   * A conversation is created, or replaced by a newer or equally recent state of itself; one
   * older than the stored one (a lower last sequence or earlier activity) is a conflict ({@code
   * OLDER_THAN_STORED}) and nothing of it changes.
   */
  NEVER_BACKWARDS,

  /**
   * Every imported conversation replaces the stored one, older, equal or not (an administrator's
   * restore, or rewriting every row under a new content key). Sequence numbers still never go back: the next append continues after the highest
   * ever given.
   */
  REPLACE
}
