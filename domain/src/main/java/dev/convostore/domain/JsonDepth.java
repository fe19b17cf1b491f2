package dev.convostore.domain;

/** Bounds the nesting of JSON values, so hostile input cannot exhaust a stack. */
final class JsonDepth {

  private JsonDepth() {}

  /** Nesting depth: 0 for scalars, 1 for an array or object of scalars, and so on. */
  static int of(JsonValue value) {
    if (value instanceof JsonObject object) {
      return 1 + object.members().values().stream().mapToInt(JsonDepth::of).max().orElse(0);
    }
    if (value instanceof JsonArray array) {
      return 1 + array.elements().stream().mapToInt(JsonDepth::of).max().orElse(0);
    }
    return 0;
  }

  /** Rejects a container whose children would nest it deeper than {@link JsonValue#MAX_DEPTH}. */
  static void check(String field, Iterable<JsonValue> children) {
    for (JsonValue child : children) {
      if (of(child) >= JsonValue.MAX_DEPTH) {
        throw new ValidationException(field, "is nested deeper than " + JsonValue.MAX_DEPTH + " levels");
      }
    }
  }
}
