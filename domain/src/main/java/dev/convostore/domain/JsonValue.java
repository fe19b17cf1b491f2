package dev.convostore.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON value, the domain's type for metadata, tool arguments and tool results. The
 * domain holds JSON as a validated tree; adapters convert it to and from their storage format.
 * {@link #toJson()} writes one canonical text (object keys sorted, numbers normalized, no
 * whitespace), so equal values have equal text on every adapter.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** Deepest nesting of arrays and objects accepted, so hostile input cannot exhaust a stack. */
  int MAX_DEPTH = 32;

  /** The canonical JSON text of this value. */
  default String toJson() {
    StringBuilder out = new StringBuilder();
    JsonWriter.write(this, out);
    return out.toString();
  }

  /**
   * Converts plain Java values: {@code null}, {@link String}, {@link Boolean}, {@link
   * java.lang.Number} (finite), {@link Map} with string keys, {@link List}, or a {@link
   * JsonValue}.
   *
   * @throws ValidationException naming {@code field} when a value has no JSON form
   */
  static JsonValue from(String field, Object value) {
    return from(field, value, 0);
  }

  /** Checks depth and keys on the way down, so errors name the field and deep input cannot exhaust the stack. */
  private static JsonValue from(String field, Object value, int depth) {
    if ((value instanceof Map<?, ?> || value instanceof List<?>) && depth >= MAX_DEPTH) {
      throw new ValidationException(field, "is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null) {
      return JsonNull.NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof String text) {
      return new JsonString(Checks.text(field, text, 0, Integer.MAX_VALUE));
    }
    if (value instanceof Boolean bool) {
      return JsonBoolean.of(bool);
    }
    if (value instanceof java.lang.Number number) {
      return JsonNumber.of(field, number);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new ValidationException(field, "must have text keys only");
        }
        Checks.text(field, key, 0, Integer.MAX_VALUE);
        members.put(key, from(field + "." + key, entry.getValue(), depth + 1));
      }
      return new JsonObject(members);
    }
    if (value instanceof List<?> list) {
      List<JsonValue> elements = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        elements.add(from(field + "[" + i + "]", list.get(i), depth + 1));
      }
      return new JsonArray(elements);
    }
    throw new ValidationException(field, "holds a " + value.getClass().getSimpleName() + ", which has no JSON form");
  }
}
