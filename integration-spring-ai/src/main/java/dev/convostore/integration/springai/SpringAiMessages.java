package dev.convostore.integration.springai;

import dev.convostore.bootstrap.SpringAiChatMemory;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonNull;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.integration.FrameworkMessages;
import dev.convostore.integration.ToolArguments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.ai.chat.messages.AbstractMessage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Spring AI's messages as convostore messages and back, equal to what was saved. Each message
 * becomes one convostore message with its own role and kind (tool calls as convostore tool calls,
 * so that statistics and windows know them), except a {@link ToolResponseMessage}, which becomes
 * one tool result per response. Spring AI's metadata is the message's metadata; what convostore's
 * types cannot hold as given (an empty or missing text, a tool call's exact argument text, a
 * number's Java type, which responses form one message) is noted under the member {@value #NOTES}.
 */
final class SpringAiMessages extends FrameworkMessages<Message> {

  /** The metadata member that holds the notes; Spring AI metadata must not use it. */
  static final String NOTES = "convostore.springAi";

  private static final String NO_TEXT = SpringAiChatMemory.NO_TEXT;

  SpringAiMessages() {
    super(SpringAiChatMemory.FRAMEWORK, NOTES, SystemMessage.class);
  }

  @Override
  public List<NewMessage> toConvostore(Message message) {
    Map<String, JsonValue> notes = new LinkedHashMap<>();
    JsonObject metadata = metadata(message.getMetadata(), notes);
    if (message instanceof ToolResponseMessage toolResponse) {
      return toolResults(toolResponse, metadata, notes);
    }
    if (message instanceof UserMessage user && !user.getMedia().isEmpty()
        || message instanceof AssistantMessage assistant && !assistant.getMedia().isEmpty()) {
      throw new IllegalArgumentException("messages with media cannot be stored: convostore keeps text, tool calls and metadata");
    }
    MessageRole role = switch (message.getMessageType()) {
      case USER -> MessageRole.USER;
      case ASSISTANT -> MessageRole.ASSISTANT;
      case SYSTEM -> MessageRole.SYSTEM;
      case TOOL -> throw new IllegalArgumentException("a TOOL message must be a ToolResponseMessage");
    };
    String text = message.getText();
    if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
      if (text == null) {
        notes.put("text", JsonNull.NULL);
      }
      List<ToolCall> calls = toolCalls(assistant.getToolCalls(), notes);
      return List.of(withMetadata(NewMessage.toolCalls(text == null ? "" : text, calls.toArray(ToolCall[]::new)),
          metadata, notes));
    }
    if (text == null || text.isBlank()) {
      notes.put("text", text == null ? JsonNull.NULL : new JsonString(text));
    }
    return List.of(withMetadata(NewMessage.text(role, text == null || text.isBlank() ? NO_TEXT : text), metadata, notes));
  }

  private static List<ToolCall> toolCalls(List<AssistantMessage.ToolCall> calls, Map<String, JsonValue> notes) {
    List<ToolCall> stored = new ArrayList<>(calls.size());
    List<JsonValue> exact = new ArrayList<>(calls.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      AssistantMessage.ToolCall call = calls.get(i);
      // convostore needs a distinct, non-blank call id and tool name; the exact ones are noted.
      String id = usable(call.id(), ToolCall.MAX_CALL_ID_LENGTH) && ids.add(call.id()) ? call.id() : "call-" + i;
      String name = usable(call.name(), ToolCall.MAX_TOOL_NAME_LENGTH) ? call.name() : "unnamed";
      stored.add(new ToolCall(id, name, ToolArguments.of(call.arguments())));
      exact.add(JsonObject.of("id", call.id(), "type", call.type(), "name", call.name(), "arguments", call.arguments()));
    }
    notes.put("toolCalls", new JsonArray(exact));
    return stored;
  }

  private static List<NewMessage> toolResults(
      ToolResponseMessage message, JsonObject metadata, Map<String, JsonValue> notes) {
    List<ToolResponseMessage.ToolResponse> responses = message.getResponses();
    if (responses.isEmpty()) {
      throw new IllegalArgumentException("a ToolResponseMessage must hold at least one response");
    }
    List<NewMessage> results = new ArrayList<>(responses.size());
    for (int i = 0; i < responses.size(); i++) {
      ToolResponseMessage.ToolResponse response = responses.get(i);
      Map<String, JsonValue> partNotes = new LinkedHashMap<>(i == 0 ? notes : Map.of());
      partNotes.put("response", JsonObject.of("part", i, "of", responses.size(),
          "id", response.id(), "name", response.name(), "data", response.responseData()));
      String id = usable(response.id(), ToolCall.MAX_CALL_ID_LENGTH) ? response.id() : "call-" + i;
      String name = usable(response.name(), ToolCall.MAX_TOOL_NAME_LENGTH) ? response.name() : "unnamed";
      String data = response.responseData() == null ? "" : response.responseData();
      results.add(withMetadata(NewMessage.toolResult(new ToolResult(id, name, ToolOutcome.SUCCESS, Optional.empty()), data),
          i == 0 ? metadata : JsonObject.empty(), partNotes));
    }
    return results;
  }

  /** Messages that another client wrote (without notes) read as their nearest Spring AI message. */
  @Override
  public List<Stored<Message>> fromConvostore(List<dev.convostore.domain.Message> stored) {
    List<Stored<Message>> messages = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      dev.convostore.domain.Message first = stored.get(i);
      if (first.kind() == MessageKind.TOOL_RESULT) {
        int parts = parts(stored, i);
        messages.add(new Stored<>(toolResponse(stored.subList(i, i + parts)), first.sequence(),
            stored.get(i + parts - 1).sequence()));
        i += parts - 1;
      } else {
        messages.add(new Stored<>(springAi(first), first.sequence(), first.sequence()));
      }
    }
    return messages;
  }

  private static Message springAi(dev.convostore.domain.Message stored) {
    JsonObject notes = notes(stored.metadata());
    Map<String, Object> metadata = metadata(stored.metadata(), notes);
    String text = notes.members().containsKey("text") ? text(notes, "text") : stored.content();
    return switch (stored.role()) {
      case SYSTEM -> SystemMessage.builder().text(text).metadata(metadata).build();
      case USER -> UserMessage.builder().text(text).metadata(metadata).build();
      default -> AssistantMessage.builder().content(text).properties(metadata).toolCalls(toolCalls(stored, notes)).build();
    };
  }

  private static List<AssistantMessage.ToolCall> toolCalls(dev.convostore.domain.Message stored, JsonObject notes) {
    Optional<JsonValue> exact = notes.get("toolCalls");
    if (exact.isPresent()) {
      return ((JsonArray) exact.get()).elements().stream()
          .map(call -> (JsonObject) call)
          .map(call -> new AssistantMessage.ToolCall(
              text(call, "id"), text(call, "type"), text(call, "name"), text(call, "arguments")))
          .toList();
    }
    return stored.toolCalls().stream()
        .map(call -> new AssistantMessage.ToolCall(call.callId(), "function", call.toolName(), call.arguments().toJson()))
        .toList();
  }

  private static ToolResponseMessage toolResponse(List<dev.convostore.domain.Message> parts) {
    JsonObject notes = notes(parts.get(0).metadata());
    List<ToolResponseMessage.ToolResponse> responses = new ArrayList<>(parts.size());
    for (dev.convostore.domain.Message part : parts) {
      Optional<JsonObject> exact = notes(part.metadata()).get("response").map(JsonObject.class::cast);
      ToolResult result = part.toolResult().orElseThrow();
      responses.add(exact
          .map(response -> new ToolResponseMessage.ToolResponse(
              text(response, "id"), text(response, "name"), text(response, "data")))
          .orElseGet(() -> new ToolResponseMessage.ToolResponse(result.callId(), result.toolName(), part.content())));
    }
    return ToolResponseMessage.builder().responses(responses).metadata(metadata(parts.get(0).metadata(), notes)).build();
  }

  /** How many tool results from {@code start} form one Spring AI message (one, without notes). */
  private static int parts(List<dev.convostore.domain.Message> stored, int start) {
    int parts = notes(stored.get(start).metadata()).get("response")
        .flatMap(response -> ((JsonObject) response).get("of"))
        .map(of -> ((JsonNumber) of).value().intValue())
        .orElse(1);
    return Math.max(1, Math.min(parts, stored.size() - start));
  }

  private static boolean usable(String name, int maxLength) {
    return name != null && !name.isBlank() && name.length() <= maxLength;
  }

  private static JsonObject metadata(Map<String, Object> metadata, Map<String, JsonValue> notes) {
    if (metadata.containsKey(NOTES)) {
      throw new IllegalArgumentException("message metadata must not use the key '" + NOTES + "': convostore uses it");
    }
    Map<String, Object> own = new LinkedHashMap<>(metadata);
    own.remove(AbstractMessage.MESSAGE_TYPE); // Spring AI sets it from the message's type
    Map<String, String> types = new HashMap<>();
    JsonObject json = (JsonObject) MetadataValues.toJson(own, "", types);
    if (!types.isEmpty()) {
      notes.put("types", JsonValue.from("types", types));
    }
    return json;
  }

  private static Map<String, Object> metadata(JsonObject stored, JsonObject notes) {
    Map<String, String> types = new HashMap<>();
    notes.get("types").ifPresent(noted -> ((JsonObject) noted).members()
        .forEach((pointer, type) -> types.put(pointer, ((JsonString) type).value())));
    Map<String, JsonValue> own = new LinkedHashMap<>(stored.members());
    own.remove(NOTES);
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) MetadataValues.fromJson(new JsonObject(own), "", types);
    return metadata;
  }

  private static NewMessage withMetadata(NewMessage message, JsonObject metadata, Map<String, JsonValue> notes) {
    return notes.isEmpty() ? message.withMetadata(metadata) : message.withMetadata(metadata.with(NOTES, new JsonObject(notes)));
  }

  private static JsonObject notes(JsonObject metadata) {
    return FrameworkMessages.notes(metadata, NOTES);
  }

  private static String text(JsonObject object, String key) {
    return object.get(key).map(SpringAiMessages::text).orElse(null);
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString text ? text.value() : null;
  }
}
