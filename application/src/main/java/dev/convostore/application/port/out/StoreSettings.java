package dev.convostore.application.port.out;

import dev.convostore.application.StoreLimits;
import dev.convostore.domain.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * How to open a store.
 *
 * @param url where the data lives: {@code memory:}, {@code jdbc:sqlite:PATH}, {@code
 *     jdbc:postgresql://...}
 * @param limits the input size limits
 * @param properties adapter-specific settings (pool size, timeouts, migrations), by key
 */
public record StoreSettings(String url, StoreLimits limits, Map<String, String> properties) {

  /** Validates and copies every component. */
  public StoreSettings {
    Checks.nonBlankText("url", url, 4096);
    Checks.present("limits", limits);
    properties = Map.copyOf(Checks.present("properties", properties));
  }

  /** The setting named {@code key}, if given. */
  public Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }
}
