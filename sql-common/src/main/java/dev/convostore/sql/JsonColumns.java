package dev.convostore.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonBoolean;
import dev.convostore.domain.JsonNull;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON columns: the domain writes canonical text ({@link JsonValue#toJson()}); Jackson reads it
 * back, with numbers as exact decimals so that nothing is rounded on the way. Tool calls and tool
 * results have one JSON shape in every SQL adapter.
 */
public final class JsonColumns {

  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          // Numbers as long as a JsonNumber may be; texts as long as the store's limits allow.
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNumberLength(JsonNumber.MAX_INTEGER_DIGITS + JsonNumber.MAX_FRACTION_DIGITS + 2)
              .maxStringLength(Integer.MAX_VALUE)
              .build())
          .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private JsonColumns() {}

  /** The JSON value of stored text; malformed text is a {@code CORRUPT} store failure. */
  public static JsonValue parse(String text) {
    try {
      return toValue(MAPPER.readTree(text));
    } catch (JsonProcessingException | RuntimeException malformed) {
      throw new StoreFailureException(Kind.CORRUPT, "the store holds malformed JSON", malformed);
    }
  }

  /** The JSON object of stored text. */
  public static JsonObject parseObject(String text) {
    if (parse(text) instanceof JsonObject object) {
      return object;
    }
    throw new StoreFailureException(Kind.CORRUPT, "the store holds JSON that is not an object", null);
  }

  private static JsonValue toValue(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          members.put(member.getKey(), toValue(member.getValue()));
        }
        yield new JsonObject(members);
      }
      case ARRAY -> {
        List<JsonValue> elements = new ArrayList<>(node.size());
        node.forEach(element -> elements.add(toValue(element)));
        yield new JsonArray(elements);
      }
      case STRING -> new JsonString(node.textValue());
      case NUMBER -> new JsonNumber(node.decimalValue());
      case BOOLEAN -> JsonBoolean.of(node.booleanValue());
      case NULL -> JsonNull.NULL;
      default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    };
  }

  /** Texts as a JSON array of strings. */
  public static String textList(List<String> texts) {
    return new JsonArray(texts.stream().<JsonValue>map(JsonString::new).toList()).toJson();
  }

  /** The texts of a stored JSON array of strings. */
  public static List<String> textList(String text) {
    if (text.equals("[]")) {
      return List.of(); // most agents hold no focus areas: no need to parse
    }
    if (parse(text) instanceof JsonArray array
        && array.elements().stream().allMatch(element -> element instanceof JsonString)) {
      return array.elements().stream().map(element -> ((JsonString) element).value()).toList();
    }
    throw new StoreFailureException(Kind.CORRUPT, "the store holds a list of texts that is not a JSON array of strings", null);
  }

  /** The tool calls of stored text. */
  public static List<ToolCall> toolCalls(String text) {
    try {
      JsonNode array = MAPPER.readTree(text);
      if (!array.isArray()) {
        throw new IllegalArgumentException("not an array");
      }
      List<ToolCall> calls = new ArrayList<>(array.size());
      for (JsonNode call : array) {
        calls.add(new ToolCall(call.get("callId").textValue(), call.get("toolName").textValue(),
            (JsonObject) toValue(call.get("arguments"))));
      }
      return List.copyOf(calls);
    } catch (JsonProcessingException | RuntimeException malformed) {
      throw new StoreFailureException(Kind.CORRUPT, "the store holds tool calls that are not a JSON array of calls", malformed);
    }
  }

  /** The tool result of stored text. */
  public static ToolResult toolResult(String text) {
    JsonObject json = parseObject(text);
    return new ToolResult(
        text(json, "callId"), text(json, "toolName"), EnumNames.upper(ToolOutcome.class, text(json, "outcome")),
        json.get("actionTaken").map(action -> ((JsonString) action).value()));
  }

  private static String text(JsonObject object, String key) {
    Optional<JsonValue> value = object.get(key);
    if (value.isPresent() && value.get() instanceof JsonString string) {
      return string.value();
    }
    throw new StoreFailureException(Kind.CORRUPT, "the store holds tool data without its " + key, null);
  }
}
