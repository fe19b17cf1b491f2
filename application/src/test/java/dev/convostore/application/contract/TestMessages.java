package dev.convostore.application.contract;

import dev.convostore.domain.JsonObject;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import java.util.Optional;

/** Test-data builders for messages with sensible defaults. */
public final class TestMessages {

  private TestMessages() {}

  /** An assistant message calling {@code tool} with call id {@code callId}. */
  public static NewMessage call(String callId, String tool) {
    return NewMessage.toolCalls("", new ToolCall(callId, tool, JsonObject.of("query", "weather in Oslo")));
  }

  /** A tool message answering {@code callId} successfully. */
  public static NewMessage result(String callId, String tool) {
    return result(callId, tool, ToolOutcome.SUCCESS);
  }

  /** A tool message answering {@code callId} with {@code outcome}. */
  public static NewMessage result(String callId, String tool, ToolOutcome outcome) {
    return NewMessage.toolResult(
        new ToolResult(callId, tool, outcome, Optional.of("looked it up")), "{\"temperature\": 4}");
  }

  /** A user message with a client-chosen id. */
  public static NewMessage userWithId(MessageId id, String content) {
    return NewMessage.user(content).withId(id);
  }
}
