package dev.convostore.application.service;

import dev.convostore.application.StoreLimits;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The store's configured limits and clock, applied to input before it reaches storage. */
final class Guard {

  private final Clock clock;
  private final StoreLimits limits;

  Guard(Clock clock, StoreLimits limits) {
    this.clock = clock;
    this.limits = limits;
  }

  /** The current time, at the precision every adapter stores. */
  Instant now() {
    return Checks.instant("clock", clock.instant());
  }

  void json(String field, JsonValue value) {
    json(() -> field, value);
  }

  /** Field names are made only for an error: an import checks every message of every conversation. */
  private void json(Supplier<String> field, JsonValue value) {
    if (value instanceof JsonObject object && object.isEmpty()) {
      return; // most metadata
    }
    int bytes = value.toJson().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxJsonBytes()) {
      throw new ValidationException(field.get(), "must be at most " + limits.maxJsonBytes() + " bytes of JSON");
    }
  }

  private void content(Supplier<String> field, String content) {
    if (content.length() > limits.maxContentLength()) {
      throw new ValidationException(field.get(), "must be at most " + limits.maxContentLength() + " characters");
    }
  }

  void batchSize(List<?> batch) {
    if (batch.size() > limits.maxBatchSize()) {
      throw new ValidationException("messages", "must hold at most " + limits.maxBatchSize() + " messages");
    }
  }

  void message(String field, NewMessage message) {
    message(() -> field, message.content(), message.metadata(), message.toolCalls());
  }

  private void message(Supplier<String> field, String content, JsonObject metadata, List<ToolCall> toolCalls) {
    content(() -> field.get() + ".content", content);
    json(() -> field.get() + ".metadata", metadata);
    for (int i = 0; i < toolCalls.size(); i++) {
      int call = i;
      json(() -> field.get() + ".toolCalls[" + call + "].arguments", toolCalls.get(i).arguments());
    }
  }

  void contextItem(String field, NewContextItem item) {
    content(() -> field + ".content", item.content());
    json(() -> field + ".metadata", item.metadata());
  }

  void agentState(AgentState state) {
    state.lastUserInput().ifPresent(input -> content(() -> "agentState.lastUserInput", input));
    state.lastToolResult().ifPresent(result -> json("agentState.lastToolResult", result));
  }

  void snapshot(ConversationSnapshot snapshot) {
    json("conversation.metadata", snapshot.conversation().metadata());
    agentState(snapshot.conversation().agentState());
    List<Message> messages = snapshot.messages();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      int index = i;
      message(() -> "messages[" + index + "]", message.content(), message.metadata(), message.toolCalls());
    }
    List<ContextItem> items = snapshot.contextItems();
    for (int i = 0; i < items.size(); i++) {
      contextItem("contextItems[" + i + "]", items.get(i).details());
    }
  }
}
