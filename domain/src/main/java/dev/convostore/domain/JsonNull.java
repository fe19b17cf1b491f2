package dev.convostore.domain;

/** The JSON {@code null}. */
public enum JsonNull implements JsonValue {
  /** The only instance. */
  NULL
}
