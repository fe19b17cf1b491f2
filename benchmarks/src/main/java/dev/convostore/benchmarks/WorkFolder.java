package dev.convostore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for a benchmark's database files, deleted with everything in it when the
 * benchmark closes it: a run grows files of gigabytes that nobody reads afterwards.
 */
final class WorkFolder implements AutoCloseable {

  private final Path path;

  WorkFolder(String prefix) throws IOException {
    this.path = Files.createTempDirectory(prefix);
  }

  Path resolve(String name) {
    return path.resolve(name);
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException("could not delete the benchmark's folder " + path, failed);
    }
  }
}
