package dev.convostore.adapter.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.application.StoreLimits;
import dev.convostore.application.contract.CleanedUpStorage;
import dev.convostore.application.contract.TempFolders;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.ContentKeys;
import java.nio.file.Path;
import java.util.Map;

/** Fresh SQLite files for tests, each in a new temporary folder that closing the store deletes. */
final class TestDatabases {

  /** Keys for the contract suite over encrypted content. */
  static final ContentKeys CONTENT_KEYS = ContentKeys.parse("keys", "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

  /** Opens a store on a new, empty file with the default settings. */
  Storage open() {
    return open(Map.of());
  }

  Storage open(Map<String, String> properties) {
    Path folder = newFolder();
    StoreSettings settings = new StoreSettings("jdbc:sqlite:" + folder.resolve("test.db"), StoreLimits.DEFAULTS, properties);
    return new CleanedUpStorage(new SqliteStorageProvider().open(settings), () -> delete(folder));
  }

  /**
   * Opens a store on a new, empty file over a pool the test owns as a host application would: a
   * HikariCP pool with its defaults, closed after the store.
   */
  Storage openOverHostPool() {
    Path folder = newFolder();
    String url = "jdbc:sqlite:" + folder.resolve("host.db");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    HikariDataSource hostPool = new HikariDataSource(config);
    Storage storage = new SqliteStorageProvider().openOver(hostPool, new StoreSettings(url, StoreLimits.DEFAULTS, Map.of()));
    return new CleanedUpStorage(storage, () -> {
      hostPool.close();
      delete(folder);
    });
  }

  static Path newFolder() {
    return TempFolders.newFolder("convostore-sqlite-");
  }

  static void delete(Path folder) {
    TempFolders.delete(folder);
  }
}
