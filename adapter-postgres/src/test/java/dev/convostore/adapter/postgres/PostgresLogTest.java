package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.contract.CapturedLog;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.sql.SqlSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No password reaches convostore's log (read at every level: see the pom), whether a store opens or fails to. */
class PostgresLogTest {

  private static final String URL_PASSWORD = "url-password-4711";
  private static final String SETTING_PASSWORD = "setting-password-0815";

  private static void open(String url, Map<String, String> properties) {
    new PostgresStorageProvider().open(new StoreSettings(url, StoreLimits.DEFAULTS, TestPostgres.placed(properties))).close();
  }

  @Test
  void anOpeningLogsTheUrlWithoutItsPassword() {
    String schema = TestPostgres.newSchema();
    try {
      String url = TestPostgres.url(schema) + "&password=" + URL_PASSWORD; // the test server trusts any password
      String log = CapturedLog.of(() -> open(url, Map.of(SqlSettings.PASSWORD, SETTING_PASSWORD)));
      assertEquals(1, log.lines().filter(line -> line.contains("Opened a convostore postgres store")).count(), log);
      assertTrue(log.contains("password=***"), log);
      assertFalse(log.contains(URL_PASSWORD), log);
      assertFalse(log.contains(SETTING_PASSWORD), log);
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aFailedOpeningLogsOneLineWithoutThePassword() {
    String url = "jdbc:postgresql://127.0.0.1:1/nothing?user=someone&password=" + URL_PASSWORD;
    String log = CapturedLog.of(() -> assertThrows(StoreFailureException.class,
        () -> open(url, Map.of(SqlSettings.PASSWORD, SETTING_PASSWORD, SqlSettings.CONNECTION_TIMEOUT, "1000"))));
    assertEquals(1, log.lines().filter(line -> line.contains("WARN") && line.contains("convostore call failed (UNAVAILABLE)")).count(),
        log);
    assertFalse(log.contains(URL_PASSWORD), log);
    assertFalse(log.contains(SETTING_PASSWORD), log);
  }
}
