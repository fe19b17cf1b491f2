package dev.convostore.sql;

import dev.convostore.domain.JsonBoolean;
import dev.convostore.domain.JsonNull;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One member a listing's metadata filter asks for, as JSON functions such as SQLite's {@code json_each} see it: the
 * JSON types that may hold the value and the SQL value it has. Numbers compare as SQLite numbers
 * (a double past 2^53), so the listing checks the exact value again in Java.
 *
 * @param key the member's name
 * @param type the {@code json_each} type of the value
 * @param otherType a second type an equal value may have (numbers: integer or real)
 * @param atom the SQL value, or null when the type says it all (true, false, null)
 * @param member the member as canonical JSON writes it ({@code "key":value}), for a database that
 *     can only look for it in the text
 */
public record MetadataFilter(String key, String type, String otherType, Object atom, String member) {

  /** The members of a listing's metadata filter. */
  public static List<MetadataFilter> of(JsonObject filter) {
    return filter.members().entrySet().stream().map(member -> of(member.getKey(), member.getValue())).toList();
  }

  private static MetadataFilter of(String key, JsonValue value) {
    String object = new JsonObject(Map.of(key, value)).toJson();
    String member = object.substring(1, object.length() - 1);
    if (value instanceof JsonString string) {
      return new MetadataFilter(key, "text", "text", string.value(), member);
    }
    if (value instanceof JsonNumber number) {
      return new MetadataFilter(key, "integer", "real", sqlNumber(number.value()), member);
    }
    if (value instanceof JsonBoolean bool) {
      return new MetadataFilter(key, String.valueOf(bool.value()), String.valueOf(bool.value()), null, member);
    }
    if (value instanceof JsonNull) {
      return new MetadataFilter(key, "null", "null", null, member);
    }
    throw new IllegalArgumentException("metadata filters hold scalar values only");
  }

  private static Object sqlNumber(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException notALong) {
      return value.doubleValue();
    }
  }
}
