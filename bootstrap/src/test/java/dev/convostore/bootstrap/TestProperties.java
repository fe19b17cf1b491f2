package dev.convostore.bootstrap;

import java.util.Properties;

/** Store properties for tests, from keys and values in turn. */
final class TestProperties {

  private TestProperties() {}

  static Properties of(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }
}
