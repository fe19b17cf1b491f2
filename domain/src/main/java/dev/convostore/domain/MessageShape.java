package dev.convostore.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The rules tying a message's role, kind, content and tool use together. */
final class MessageShape {

  private MessageShape() {}

  /** Validates the combination; returns the immutable tool call list. */
  static List<ToolCall> check(
      MessageRole role,
      MessageKind kind,
      String content,
      List<ToolCall> toolCalls,
      Optional<ToolResult> toolResult,
      JsonObject metadata) {
    Checks.present("role", role);
    Checks.present("metadata", metadata);
    Checks.present("kind", kind);
    List<ToolCall> calls = Checks.list("toolCalls", toolCalls);
    Checks.present("toolResult", toolResult);
    Checks.text("content", content, 0, Integer.MAX_VALUE);
    switch (kind) {
      case TOOL_CALL -> {
        require(role == MessageRole.ASSISTANT, "role", "must be ASSISTANT for a TOOL_CALL message");
        require(!calls.isEmpty(), "toolCalls", "must not be empty for a TOOL_CALL message");
        require(
            new HashSet<>(calls.stream().map(ToolCall::callId).toList()).size() == calls.size(),
            "toolCalls", "must not repeat a callId");
      }
      case TOOL_RESULT -> {
        require(role == MessageRole.TOOL, "role", "must be TOOL for a TOOL_RESULT message");
        require(toolResult.isPresent(), "toolResult", "is required for a TOOL_RESULT message");
      }
      case TEXT, ERROR -> {
        require(role != MessageRole.TOOL, "role", "must not be TOOL for a " + kind + " message");
        require(!content.isBlank() || metadata.equals(Message.REDACTED), "content",
            "must not be blank for a " + kind + " message");
      }
    }
    if (kind != MessageKind.TOOL_CALL) {
      require(calls.isEmpty(), "toolCalls", "are only allowed on TOOL_CALL messages");
    }
    if (kind != MessageKind.TOOL_RESULT) {
      require(toolResult.isEmpty(), "toolResult", "is only allowed on TOOL_RESULT messages");
    }
    return calls;
  }

  private static void require(boolean rule, String field, String problem) {
    if (!rule) {
      throw new ValidationException(field, problem);
    }
  }
}
