package dev.convostore.domain;

import java.util.List;

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

  /**
   * The calls as canonical JSON, an array of {@code {arguments, callId, toolName}}: the form every
   * store keeps and every export writes. The arguments are not wrapped in further JSON values,
   * which would count the array and the call object against the arguments' own depth limit.
   */
  public static String toJson(List<ToolCall> calls) {
    StringBuilder json = new StringBuilder("[");
    for (ToolCall call : calls) {
      json.append(json.length() == 1 ? "" : ",")
          .append("{\"arguments\":").append(call.arguments().toJson())
          .append(",\"callId\":").append(new JsonString(call.callId()).toJson())
          .append(",\"toolName\":").append(new JsonString(call.toolName()).toJson())
          .append('}');
    }
    return json.append(']').toString();
  }
}
