package dev.convostore.domain;

/** Who wrote a message. */
public enum MessageRole {
  /** The person using the host application. */
  USER,
  /** The AI assistant. */
  ASSISTANT,
  /** Instructions given to the assistant. */
  SYSTEM,
  /** A tool answering one of the assistant's tool calls. */
  TOOL;

  /**
   * The constant named {@code text}, ignoring case.
   *
   * @throws ValidationException naming the field {@code role} for an unknown name
   */
  public static MessageRole parse(String text) {
    return Checks.constant("role", MessageRole.class, text);
  }
}
