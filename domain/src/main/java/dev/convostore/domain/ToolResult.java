package dev.convostore.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a tool message reports about the one call it answers.
 *
 * @param callId the id of the call answered
 * @param toolName the tool that ran
 * @param outcome how the call ended
 * @param actionTaken what the tool did, in a few words, if the host records it
 */
public record ToolResult(
    String callId, String toolName, ToolOutcome outcome, Optional<String> actionTaken) {

  /** Longest description of the action taken. */
  public static final int MAX_ACTION_LENGTH = 1000;

  /** Validates every component. */
  public ToolResult {
    callId = Checks.name("callId", callId, ToolCall.MAX_CALL_ID_LENGTH);
    toolName = Checks.name("toolName", toolName, ToolCall.MAX_TOOL_NAME_LENGTH);
    Checks.present("outcome", outcome);
    Checks.present("actionTaken", actionTaken)
        .ifPresent(action -> Checks.nonBlankText("actionTaken", action, MAX_ACTION_LENGTH));
  }

  /** A result without a recorded action. */
  public static ToolResult of(String callId, String toolName, ToolOutcome outcome) {
    return new ToolResult(callId, toolName, outcome, Optional.empty());
  }

  /**
   * Canonical JSON, {@code {actionTaken?, callId, outcome, toolName}} with the outcome's name in
   * lowercase: the form every store keeps and every export writes.
   */
  public String toJson() {
    JsonObject json = JsonObject.of(
        "callId", callId, "toolName", toolName, "outcome", outcome.name().toLowerCase(Locale.ROOT));
    return actionTaken.map(action -> json.with("actionTaken", action)).orElse(json).toJson();
  }
}
