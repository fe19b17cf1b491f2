package dev.convostore.integration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonValue;
import java.io.IOException;

/**
 * A tool call's arguments, which the frameworks hold as text, as a convostore JSON object, so that
 * statistics and exports read them. The exact text stays in the framework's notes.
 */
public final class ToolArguments {

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ToolArguments() {}

  /** The arguments as an object; empty when the text is missing or is not a JSON object. */
  public static JsonObject of(String arguments) {
    if (arguments != null) {
      try {
        if (JsonValue.from("arguments", JSON.readValue(arguments, Object.class)) instanceof JsonObject object) {
          return object;
        }
      } catch (IOException | RuntimeException notAnObject) {
        // kept only as text, in the notes
      }
    }
    return JsonObject.empty();
  }
}
