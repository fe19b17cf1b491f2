package dev.convostore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.Message;
import dev.convostore.domain.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How conversations and messages look: as lines of text for people, as JSON objects for scripts. */
final class Views {

  /** Starts each further line of a message's content. */
  static final String CONTINUATION = "    | ";

  private Views() {}

  /** An enum constant's name as the tool and the export format write it: lowercase. */
  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** Text for one line of a terminal: line breaks and other control characters shown as escapes. */
  static String safe(String text) {
    return visible(text.replace("\n", "\\n"));
  }

  /**
   * Control characters (other than line breaks), which a terminal would act on (colours, cursor
   * moves, title changes, bells) and Unicode direction overrides, as {@code \\u001B} escapes.
   */
  private static String visible(String text) {
    StringBuilder shown = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (Character.isISOControl(c) && c != '\n') || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069');
      if (control && shown == null) {
        shown = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (control) {
        shown.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else if (shown != null) {
        shown.append(c);
      }
    }
    return shown == null ? text : shown.toString();
  }

  static String text(Conversation c) {
    return c.id() + "  " + c.title().map(Views::safe).orElse("(untitled)") + "  [" + c.messageCount() + " messages, "
        + (c.active() ? "active" : "inactive") + ", last activity " + c.updatedAt() + ", version " + c.version() + "]";
  }

  static String text(Message m) {
    StringBuilder line = new StringBuilder("#").append(m.sequence()).append(' ').append(lower(m.role()));
    if (!m.toolCalls().isEmpty()) {
      line.append(" calls ").append(m.toolCalls().stream()
          .map(call -> safe(call.toolName()) + "(" + call.arguments().toJson() + ") as " + safe(call.callId()))
          .collect(Collectors.joining(", ")));
    }
    m.toolResult().ifPresent(result -> line.append(" answers ").append(safe(result.callId())).append(" from ")
        .append(safe(result.toolName())).append(": ").append(lower(result.outcome())));
    if (!m.content().isEmpty()) {
      // Continuation lines are marked, so content cannot pass for another message's line.
      line.append(": ").append(String.join("\n" + CONTINUATION, m.content().split("\r?\n", -1)).transform(Views::visible));
    }
    return line.toString();
  }

  static String lines(List<Message> messages) {
    return messages.isEmpty() ? "(no messages)" : messages.stream().map(Views::text).collect(Collectors.joining("\n"));
  }

  static Map<String, Object> json(Conversation c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", c.id().toString());
    json.put("owner", c.owner().value());
    json.put("title", c.title().orElse(null));
    json.put("active", c.active());
    json.put("createdAt", c.createdAt().toString());
    json.put("updatedAt", c.updatedAt().toString());
    json.put("messageCount", c.messageCount());
    json.put("lastSequence", c.lastSequence());
    json.put("version", c.version());
    json.put("metadata", tree(c.metadata()));
    return json;
  }

  static Map<String, Object> json(Message m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", m.id().toString());
    json.put("conversationId", m.conversationId().toString());
    json.put("sequence", m.sequence());
    json.put("role", lower(m.role()));
    json.put("kind", lower(m.kind()));
    json.put("content", m.content());
    if (!m.toolCalls().isEmpty()) {
      json.put("toolCalls", m.toolCalls().stream().map(Views::json).toList());
    }
    m.toolResult().ifPresent(result -> {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("callId", result.callId());
      answer.put("toolName", result.toolName());
      answer.put("outcome", lower(result.outcome()));
      answer.put("actionTaken", result.actionTaken().orElse(null));
      json.put("toolResult", answer);
    });
    json.put("createdAt", m.createdAt().toString());
    json.put("metadata", tree(m.metadata()));
    return json;
  }

  private static Map<String, Object> json(ToolCall call) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("callId", call.callId());
    json.put("toolName", call.toolName());
    json.put("arguments", tree(call.arguments()));
    return json;
  }

  static List<Map<String, Object>> messages(List<Message> messages) {
    return messages.stream().map(Views::json).toList();
  }

  /** A domain JSON value as Jackson writes it, exact. */
  static JsonNode tree(JsonValue value) {
    try {
      return Cli.JSON.readTree(value.toJson());
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }
}
