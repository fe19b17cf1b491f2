package dev.convostore.domain;

/** A JSON boolean. */
public enum JsonBoolean implements JsonValue {
  /** {@code true}. */
  TRUE,
  /** {@code false}. */
  FALSE;

  /** The constant for {@code value}. */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The Java value. */
  public boolean value() {
    return this == TRUE;
  }
}
