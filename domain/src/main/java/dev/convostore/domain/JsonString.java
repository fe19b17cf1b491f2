package dev.convostore.domain;

/** A JSON string; rejects text no database can store (NUL, unpaired surrogates). */
public record JsonString(String value) implements JsonValue {

  /** Validates the text. */
  public JsonString {
    Checks.text("json string", value, 0, Integer.MAX_VALUE);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
