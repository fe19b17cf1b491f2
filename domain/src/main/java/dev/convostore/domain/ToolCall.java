package dev.convostore.domain;

/**
 * One tool call requested by an assistant message, as LLM APIs exchange them.
 *
 * @param callId the id the model gave the call; the tool message answering it repeats it
 * @param toolName the tool to call
 * @param arguments the arguments, a JSON object
 */
public record ToolCall(String callId, String toolName, JsonObject arguments) {

  /** Longest call id. */
  public static final int MAX_CALL_ID_LENGTH = 255;

  /** Longest tool name. */
  public static final int MAX_TOOL_NAME_LENGTH = 128;

  /** Validates every component. */
  public ToolCall {
    callId = Checks.name("callId", callId, MAX_CALL_ID_LENGTH);
    toolName = Checks.name("toolName", toolName, MAX_TOOL_NAME_LENGTH);
    Checks.present("arguments", arguments);
  }
}
