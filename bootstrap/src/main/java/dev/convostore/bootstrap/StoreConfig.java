package dev.convostore.bootstrap;

import dev.convostore.application.StoreLimits;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ValidationException;
import dev.convostore.application.service.ContentKeys;
import dev.convostore.application.service.UseCases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the configuration keys of a store. Hosts pass them as {@link Properties} (for example
 * loaded from {@code convostore.properties}) to {@link ConvoStore#open(Properties)}:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #URL}</td><td>where the data lives, such as {@code memory:}</td><td>required</td></tr>
 *   <tr><td>{@value #MAX_CONTENT_LENGTH}</td><td>longest message or context item content, in
 *       characters</td><td>1048576</td></tr>
 *   <tr><td>{@value #MAX_JSON_BYTES}</td><td>largest metadata, tool arguments or agent state
 *       JSON, in UTF-8 bytes</td><td>65536</td></tr>
 *   <tr><td>{@value #MAX_BATCH_SIZE}</td><td>most messages in one append</td><td>1000</td></tr>
 *   <tr><td>{@value #SLOW_CALL}</td><td>a call that takes longer, in milliseconds, is logged at
 *       INFO</td><td>1000</td></tr>
 * </table>
 *
 * <p>Every other {@code convostore.*} key is handed to the storage adapter (pool size, timeouts,
 * migrations: see each adapter).
 */
final class StoreConfig {

  static final String URL = "convostore.url";
  static final String MAX_CONTENT_LENGTH = "convostore.max-content-length";
  static final String MAX_JSON_BYTES = "convostore.max-json-bytes";
  static final String MAX_BATCH_SIZE = "convostore.max-batch-size";
  static final String CURSOR_SECRET = "convostore.cursor-secret";
  static final String CONTENT_KEYS = "convostore.content-keys";
  static final String SLOW_CALL = "convostore.slow-call-ms";

  private StoreConfig() {}

  static String url(Properties properties) {
    String url = properties.getProperty(URL);
    if (url == null || url.isBlank()) {
      throw new ValidationException(URL, "is required, for example memory: or jdbc:sqlite:convostore.db");
    }
    return url.strip();
  }

  static StoreLimits limits(Properties properties) {
    StoreLimits defaults = StoreLimits.DEFAULTS;
    return new StoreLimits(
        positiveInt(properties, MAX_CONTENT_LENGTH, defaults.maxContentLength()),
        positiveInt(properties, MAX_JSON_BYTES, defaults.maxJsonBytes()),
        positiveInt(properties, MAX_BATCH_SIZE, defaults.maxBatchSize()));
  }

  /** The keys meant for the adapter: every {@code convostore.*} key this class does not read. */
  static Map<String, String> adapterProperties(Properties properties) {
    Map<String, String> adapter = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("convostore.")
          && !key.equals(URL) && !key.equals(MAX_CONTENT_LENGTH)
          && !key.equals(MAX_JSON_BYTES) && !key.equals(MAX_BATCH_SIZE) && !key.equals(CURSOR_SECRET)
          && !key.equals(CONTENT_KEYS) && !key.equals(SLOW_CALL)) {
        adapter.put(key, properties.getProperty(key));
      }
    }
    return adapter;
  }

  /** The configured cursor secret, if any. */
  static Optional<byte[]> cursorSecret(Properties properties) {
    String secret = properties.getProperty(CURSOR_SECRET);
    if (secret == null) {
      return Optional.empty();
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < UseCases.MIN_CURSOR_SECRET_BYTES) {
      throw new ValidationException(CURSOR_SECRET, "must have at least " + UseCases.MIN_CURSOR_SECRET_BYTES
          + " characters, for example the output of: openssl rand -base64 32");
    }
    return Optional.of(bytes);
  }

  /** The configured content keys, if any. */
  static Optional<ContentKeys> contentKeys(Properties properties) {
    return Optional.ofNullable(properties.getProperty(CONTENT_KEYS)).map(text -> ContentKeys.parse(CONTENT_KEYS, text));
  }

  /** How long a call may take before it is logged as slow. */
  static Duration slowCall(Properties properties) {
    return Duration.ofMillis(positiveInt(properties, SLOW_CALL, 1000));
  }

  private static int positiveInt(Properties properties, String key, int fallback) {
    String text = properties.getProperty(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Checks.positive(key, Integer.parseInt(text.strip()), Integer.MAX_VALUE);
    } catch (NumberFormatException notANumber) {
      throw new ValidationException(key, "must be a whole number, not '" + text + "'");
    }
  }
}
