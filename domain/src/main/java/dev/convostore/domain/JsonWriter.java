package dev.convostore.domain;

import java.util.Iterator;
import java.util.Map;

/** Writes canonical JSON text: sorted keys (already sorted by {@link JsonObject}), no spaces. */
final class JsonWriter {

  /** Plain notation up to this many characters; scientific beyond, so 1E+100000 stays short. */
  private static final int MAX_PLAIN_NUMBER_LENGTH = 40;

  private JsonWriter() {}

  static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      out.append('{');
      Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
      while (members.hasNext()) {
        Map.Entry<String, JsonValue> member = members.next();
        writeString(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
        if (members.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (value instanceof JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.elements().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.elements().get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonString string) {
      writeString(string.value(), out);
    } else if (value instanceof JsonNumber number) {
      boolean plainFits =
          number.value().precision() + Math.abs(number.value().scale()) <= MAX_PLAIN_NUMBER_LENGTH;
      out.append(plainFits ? number.value().toPlainString() : number.value().toString());
    } else if (value instanceof JsonBoolean bool) {
      out.append(bool.value());
    } else {
      out.append("null");
    }
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
