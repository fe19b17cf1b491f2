package dev.convostore.adapter.sqlite;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A SQLite file in a folder of its own, for a test that opens it in several ways; deleted after each test. */
final class SqliteFile implements AfterEachCallback {

  private final Path folder = TestDatabases.newFolder();

  /** The file's folder. */
  Path folder() {
    return folder;
  }

  /** The file's JDBC URL. */
  String url() {
    return "jdbc:sqlite:" + folder.resolve("store.db");
  }

  /** The store on the file, with these settings. */
  Storage open(Map<String, String> properties) {
    return new SqliteStorageProvider().open(new StoreSettings(url(), StoreLimits.DEFAULTS, properties));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestDatabases.delete(folder);
  }
}
