package dev.convostore.domain;

/** How a tool call ended. */
public enum ToolOutcome {
  /** The tool did what was asked. */
  SUCCESS,
  /** The tool ran but could not do what was asked. */
  FAILURE,
  /** The tool could not run. */
  ERROR;

  /**
   * The constant named {@code text}, ignoring case.
   *
   * @throws ValidationException naming the field {@code outcome} for an unknown name
   */
  public static ToolOutcome parse(String text) {
    return Checks.constant("outcome", ToolOutcome.class, text);
  }
}
