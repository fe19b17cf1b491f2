package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.ValidationException;
import dev.convostore.sql.SqlSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a SQLite store: settings, files that cannot serve, and the errors that say so. */
class SqliteOpeningTest {

  @TempDir Path folder;

  private final StorageProvider provider = new SqliteStorageProvider();

  private StoreSettings settings(String url, Map<String, String> properties) {
    return new StoreSettings(url, StoreLimits.DEFAULTS, properties);
  }

  @Test
  void theProviderIsFoundByServiceLoaderForSqliteUrls() {
    StorageProvider found = ServiceLoader.load(StorageProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(candidate -> candidate.accepts("jdbc:sqlite:chat.db"))
        .findFirst()
        .orElseThrow();

    assertEquals("sqlite", found.name());
    assertFalse(found.accepts("jdbc:postgresql://localhost/chat"));
    assertFalse(found.accepts("memory:"));
  }

  @Test
  void aFileThatIsNotADatabaseIsReportedAsCorrupt() throws Exception {
    Path file = folder.resolve("notes.db");
    Files.writeString(file, "these are notes, not a database ".repeat(200), StandardCharsets.UTF_8);

    StoreFailureException refused = assertThrows(StoreFailureException.class,
        () -> provider.open(settings("jdbc:sqlite:" + file, Map.of())));

    assertEquals(StoreFailureException.Kind.CORRUPT, refused.kind());
    assertEquals("the SQLite file is damaged or is not a database", refused.getMessage());
  }

  @Test
  void aFileInAFolderThatDoesNotExistIsReportedAsUnavailable() {
    StoreFailureException refused = assertThrows(StoreFailureException.class,
        () -> provider.open(settings("jdbc:sqlite:" + folder.resolve("missing/chat.db"), Map.of())));

    assertEquals(StoreFailureException.Kind.UNAVAILABLE, refused.kind());
    assertTrue(refused.getMessage().startsWith("the SQLite file cannot be opened"), refused.getMessage());
    assertFalse(refused.getMessage().toLowerCase().contains("select"), refused.getMessage());
  }

  @Test
  void anInMemorySqliteDatabaseIsRefusedWithAPointerToMemoryStores() {
    for (String url : new String[] {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:chat?mode=memory"}) {
      ValidationException refused = assertThrows(ValidationException.class, () -> provider.open(settings(url, Map.of())));
      assertEquals("url", refused.field());
      assertTrue(refused.getMessage().contains("memory:"), refused.getMessage());
    }
  }

  @Test
  void settingsAreCheckedAndNamedWhenWrong() {
    String url = "jdbc:sqlite:" + folder.resolve("chat.db");

    assertEquals(SqlSettings.POOL_SIZE, assertThrows(ValidationException.class,
        () -> provider.open(settings(url, Map.of(SqlSettings.POOL_SIZE, "lots")))).field());
    assertEquals(SqliteSettings.BUSY_TIMEOUT, assertThrows(ValidationException.class,
        () -> provider.open(settings(url, Map.of(SqliteSettings.BUSY_TIMEOUT, "-1")))).field());
    assertEquals(SqlSettings.MIGRATE_ON_OPEN, assertThrows(ValidationException.class,
        () -> provider.open(settings(url, Map.of(SqlSettings.MIGRATE_ON_OPEN, "yes")))).field());
    ValidationException misspelt = assertThrows(ValidationException.class,
        () -> provider.open(settings(url, Map.of("convostore.pool-sise", "4"))));
    assertEquals("convostore.pool-sise", misspelt.field());
    assertTrue(misspelt.getMessage().contains(SqlSettings.POOL_SIZE), misspelt.getMessage());
    assertFalse(Files.exists(folder.resolve("chat.db")), "nothing is created when the settings are wrong");
  }

  @Test
  void validSettingsAreTaken() {
    SqliteSettings taken = SqliteSettings.from(settings("jdbc:sqlite:" + folder.resolve("chat.db"), Map.of(
        SqlSettings.POOL_SIZE, "2", SqlSettings.CONNECTION_TIMEOUT, "1000",
        SqliteSettings.BUSY_TIMEOUT, "250", SqlSettings.MIGRATE_ON_OPEN, "FALSE")));

    assertEquals(new SqliteSettings("jdbc:sqlite:" + folder.resolve("chat.db"), 2, 1000, 250, false, Optional.empty()), taken);
  }
}
