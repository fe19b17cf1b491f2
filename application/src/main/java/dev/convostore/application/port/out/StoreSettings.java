package dev.convostore.application.port.out;

import dev.convostore.application.StoreLimits;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ValidationException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How to open a store.
 *
 * @param url where the data lives: {@code memory:}, {@code jdbc:sqlite:PATH}, {@code
 *     jdbc:postgresql://...}
 * @param limits the input size limits
 * @param properties adapter-specific settings (pool size, timeouts, migrations), by key
 * @param poolMetrics where the adapter's own connection pools report their metrics, if anywhere:
 *     a Micrometer {@code MeterRegistry} handed to HikariCP as it is (an {@code Object}, so that
 *     the core needs no Micrometer)
 */
public record StoreSettings(String url, StoreLimits limits, Map<String, String> properties, Optional<Object> poolMetrics) {

  /** The password of {@code scheme://user:password@host}. */
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^/?#@]*@");
  /** URL parameters that carry secrets: password, sslpassword, pwd, secret, key, token... */
  private static final Pattern SECRET_PARAMETER = Pattern.compile(
      "(?i)([?&;][^=&;?]*(?:password|passwd|pwd|secret|key|token)[^=&;?]*=)[^&;#]*");

  /** Validates and copies every component. */
  public StoreSettings {
    Checks.nonBlankText("url", url, 4096);
    Checks.present("limits", limits);
    properties = Map.copyOf(Checks.present("properties", properties));
    Checks.present("poolMetrics", poolMetrics);
  }

  /** Settings whose pools report no metrics. */
  public StoreSettings(String url, StoreLimits limits, Map<String, String> properties) {
    this(url, limits, properties, Optional.empty());
  }

  /**
   * The URL as it may be shown in messages and logs: passwords and other secrets, in the user part
   * or in parameters, are replaced by {@code ***}.
   */
  public static String withoutSecrets(String url) {
    String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:***@");
    return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
  }

  /** The setting named {@code key}, if given. */
  public Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  /**
   * The whole-number setting named {@code key}, or {@code fallback} when it is not given.
   *
   * @throws ValidationException naming the key when the value is not a whole number in [min, max]
   */
  public int intProperty(String key, int fallback, int min, int max) {
    Optional<String> text = property(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get().strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with the range
    }
    throw new ValidationException(key, "must be a whole number from " + min + " to " + max + ", not '" + text.get() + "'");
  }

  /**
   * The true/false setting named {@code key}, or {@code fallback} when it is not given.
   *
   * @throws ValidationException naming the key when the value is neither true nor false
   */
  public boolean booleanProperty(String key, boolean fallback) {
    Optional<String> text = property(key).map(String::strip);
    if (text.isEmpty()) {
      return fallback;
    }
    if (text.get().equalsIgnoreCase("true") || text.get().equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text.get());
    }
    throw new ValidationException(key, "must be true or false, not '" + text.get() + "'");
  }

  /**
   * Refuses settings the adapter does not know, so that a misspelt key is not silently ignored.
   *
   * @throws ValidationException naming the first unknown key and listing the known ones
   */
  public void requireKnownKeys(String adapter, Set<String> known) {
    for (String key : new TreeSet<>(properties.keySet())) {
      if (!known.contains(key)) {
        throw new ValidationException(key, "is not a setting of the " + adapter + " adapter; "
            + (known.isEmpty() ? "it has none" : "it knows " + String.join(", ", new TreeSet<>(known))));
      }
    }
  }
}
