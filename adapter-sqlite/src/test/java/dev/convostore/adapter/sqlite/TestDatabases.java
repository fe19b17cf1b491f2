package dev.convostore.adapter.sqlite;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Fresh SQLite files for tests, each in a new temporary folder that closing the store deletes. */
final class TestDatabases {

  /** Opens a store on a new, empty file with the default settings. */
  Storage open() {
    return open(Map.of());
  }

  Storage open(Map<String, String> properties) {
    Path folder = newFolder();
    StoreSettings settings = new StoreSettings("jdbc:sqlite:" + folder.resolve("test.db"), StoreLimits.DEFAULTS, properties);
    return new Deleting(SqliteStorageProvider.open(SqliteSettings.from(settings)), folder);
  }

  static Path newFolder() {
    try {
      return Files.createTempDirectory("convostore-sqlite-");
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

  /** The store, and its folder deleted when it closes. */
  private record Deleting(Storage storage, Path folder) implements Storage {
    @Override
    public ConversationRepository conversations() {
      return storage.conversations();
    }

    @Override
    public MessageRepository messages() {
      return storage.messages();
    }

    @Override
    public ContextItemRepository contextItems() {
      return storage.contextItems();
    }

    @Override
    public RetentionRepository retention() {
      return storage.retention();
    }

    @Override
    public void close() {
      storage.close();
      delete(folder);
    }
  }
}
