package dev.convostore.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** IDEs complete the convostore.* keys from the metadata the build writes: every key is there, described. */
class ConfigurationMetadataTest {

  private static final Set<String> KEYS = Set.of("convostore.url", "convostore.schema", "convostore.migrate-on-open",
      "convostore.pool-size", "convostore.connection-timeout-ms", "convostore.busy-timeout-ms",
      "convostore.statement-timeout-ms", "convostore.lock-timeout-ms", "convostore.username", "convostore.password",
      "convostore.max-content-length", "convostore.max-json-bytes", "convostore.max-batch-size",
      "convostore.cursor-secret", "convostore.content-keys", "convostore.slow-call-ms", "convostore.spring-ai.user",
      "convostore.spring-ai.max-messages");

  @Test
  void everyKeyIsDescribed() throws IOException {
    Map<String, String> described = new TreeMap<>();
    try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      for (JsonNode property : new ObjectMapper().readTree(metadata).get("properties")) {
        described.put(property.get("name").asText(), property.path("description").asText());
      }
    }
    assertEquals(new TreeSet<>(KEYS), described.keySet());
    described.forEach((key, description) -> assertFalse(description.isBlank(), key));
  }
}
