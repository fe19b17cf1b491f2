package dev.convostore.integration.springai;

import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonBoolean;
import dev.convostore.domain.JsonNull;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring AI's metadata values as JSON and back. JSON has one kind of number, so a number whose Java
 * type would not come back by default (an integral value comes back as {@code Integer}, or {@code
 * Long} beyond its range; any other as {@code Double}) has its type noted, by JSON pointer, in
 * {@code types}. A value of another Java type is stored as its text.
 */
final class MetadataValues {

  private MetadataValues() {}

  /** The JSON of {@code value}; notes in {@code types} each number that needs its type. */
  static JsonValue toJson(Object value, String pointer, Map<String, String> types) {
    if (value == null) {
      return JsonNull.NULL;
    }
    if (value instanceof String || value instanceof Boolean) {
      return JsonValue.from(pointer, value);
    }
    if (value instanceof Number number) {
      JsonValue json = JsonValue.from(pointer, number);
      if (!fromJson(json, pointer, Map.of()).equals(number)) {
        types.put(pointer, number.getClass().getSimpleName());
      }
      return json;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      map.forEach((key, member) -> members.put(
          String.valueOf(key), toJson(member, pointer + "/" + escaped(String.valueOf(key)), types)));
      return new JsonObject(members);
    }
    if (value instanceof List<?> list) {
      List<JsonValue> elements = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        elements.add(toJson(list.get(i), pointer + "/" + i, types));
      }
      return new JsonArray(elements);
    }
    return new JsonString(value.toString());
  }

  /** The Java value of {@code json}, numbers of the types {@code types} notes. */
  static Object fromJson(JsonValue json, String pointer, Map<String, String> types) {
    if (json instanceof JsonString text) {
      return text.value();
    }
    if (json instanceof JsonBoolean bool) {
      return bool.value();
    }
    if (json instanceof JsonNumber number) {
      return number(number.value(), types.get(pointer));
    }
    if (json instanceof JsonArray array) {
      List<Object> list = new ArrayList<>(array.elements().size());
      for (int i = 0; i < array.elements().size(); i++) {
        list.add(fromJson(array.elements().get(i), pointer + "/" + i, types));
      }
      return list;
    }
    if (json instanceof JsonObject object) {
      Map<String, Object> map = new HashMap<>();
      object.members().forEach((key, member) -> map.put(key, fromJson(member, pointer + "/" + escaped(key), types)));
      return map;
    }
    return null;
  }

  private static Number number(BigDecimal value, String type) {
    if (type == null) {
      if (value.scale() > 0) {
        return value.doubleValue();
      }
      BigInteger integer = value.toBigIntegerExact();
      return integer.bitLength() < 32 ? (Number) integer.intValue() : (Number) integer.longValue();
    }
    return switch (type) {
      case "Long" -> value.longValue();
      case "Integer" -> value.intValue();
      case "Short" -> value.shortValue();
      case "Byte" -> value.byteValue();
      case "Double" -> value.doubleValue();
      case "Float" -> value.floatValue();
      case "BigInteger" -> value.toBigInteger();
      default -> value;
    };
  }

  private static String escaped(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
