package dev.convostore.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable JSON object. Members are kept sorted by key, so iteration order and {@link
 * #toJson()} are the same whichever order they were given in.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

  private static final JsonObject EMPTY = new JsonObject(Map.of());

  /** Copies and validates the members: keys are storable text, depth is bounded. */
  public JsonObject {
    Checks.present("json", members);
    TreeMap<String, JsonValue> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonValue> member : members.entrySet()) {
      String key = Checks.text("json key", member.getKey(), 0, Integer.MAX_VALUE);
      sorted.put(key, Checks.present("json." + key, member.getValue()));
    }
    JsonDepth.check("json", sorted.values());
    members = Collections.unmodifiableMap(sorted);
  }

  /** The empty object {@code {}}. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * An object from alternating keys and values, for example {@code JsonObject.of("channel",
   * "web", "priority", 2)}. Values are converted as by {@link JsonValue#from}.
   */
  public static JsonObject of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new ValidationException("json", "needs a value for every key");
    }
    TreeMap<String, JsonValue> members = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!(keysAndValues[i] instanceof String key)) {
        throw new ValidationException("json", "keys must be text");
      }
      members.put(key, JsonValue.from("json." + key, keysAndValues[i + 1]));
    }
    return new JsonObject(members);
  }

  /**
   * An object from a map of plain Java values (see {@link JsonValue#from}).
   *
   * @param field the field name reported when a value is not JSON
   */
  public static JsonObject from(String field, Map<String, ?> map) {
    Checks.present(field, map);
    return (JsonObject) JsonValue.from(field, map);
  }

  /** The member named {@code key}, if any. */
  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(members.get(key));
  }

  /** Whether this object has no members. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** This object with {@code key} set to {@code value}. */
  public JsonObject with(String key, Object value) {
    TreeMap<String, JsonValue> copy = new TreeMap<>(members);
    copy.put(key, JsonValue.from("json." + key, value));
    return new JsonObject(copy);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
