package dev.convostore.domain;

import java.util.List;

/** An immutable JSON array. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

  /** Copies and validates the elements: none null, depth bounded. */
  public JsonArray {
    elements = Checks.list("json array", elements);
    JsonDepth.check("json", elements);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
