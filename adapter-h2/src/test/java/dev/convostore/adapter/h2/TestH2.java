package dev.convostore.adapter.h2;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.contract.CleanedUpStorage;
import dev.convostore.application.contract.TempFolders;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.ContentKeys;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Fresh H2 databases for tests: files in a new temporary folder, or new named in-memory databases. */
final class TestH2 {

  /** Keys for the contract suite over encrypted content. */
  static final ContentKeys CONTENT_KEYS = ContentKeys.parse("keys", "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

  private TestH2() {}

  /** A store on a new, empty file; closing it deletes the folder. */
  static Storage file() {
    return file(Map.of());
  }

  static Storage file(Map<String, String> properties) {
    Path folder = newFolder();
    return new CleanedUpStorage(open(fileUrl(folder), properties), () -> delete(folder));
  }

  /** A store on a new named in-memory database, which goes when the store closes. */
  static Storage memory() {
    return open(memoryUrl(), Map.of());
  }

  static String fileUrl(Path folder) {
    return "jdbc:h2:file:" + folder.resolve("test");
  }

  static String memoryUrl() {
    return "jdbc:h2:mem:test-" + UUID.randomUUID();
  }

  static Storage open(String url, Map<String, String> properties) {
    return new H2StorageProvider().open(new StoreSettings(url, StoreLimits.DEFAULTS, properties));
  }

  static Path newFolder() {
    return TempFolders.newFolder("convostore-h2-");
  }

  static void delete(Path folder) {
    TempFolders.delete(folder);
  }
}
