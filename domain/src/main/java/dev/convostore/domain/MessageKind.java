package dev.convostore.domain;

/** What a message carries. */
public enum MessageKind {
  /** Plain text. */
  TEXT,
  /** An assistant message asking for one or more tool calls. */
  TOOL_CALL,
  /** A tool message answering one tool call. */
  TOOL_RESULT,
  /** An error reported in the conversation, such as a failed model call. */
  ERROR;

  /**
   * The constant named {@code text}, ignoring case.
   *
   * @throws ValidationException naming the field {@code kind} for an unknown name
   */
  public static MessageKind parse(String text) {
    return Checks.constant("kind", MessageKind.class, text);
  }
}
