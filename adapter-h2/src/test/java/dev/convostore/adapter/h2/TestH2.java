package dev.convostore.adapter.h2;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.contract.CleanedUpStorage;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.ContentKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
    try {
      return Files.createTempDirectory("convostore-h2-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
