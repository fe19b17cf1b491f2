package dev.convostore.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file only by a complete new one: the new content goes to a temporary file beside the
 * target, is synced to disk, and is then renamed over the target in one step. A failure or a kill
 * at any moment leaves the old file as it was (a killed process may leave its {@code .partial}
 * file behind).
 */
final class AtomicFile {

  /** Writes the new content. */
  @FunctionalInterface
  interface Content<T> {
    T writeTo(Writer writer) throws IOException;
  }

  private AtomicFile() {}

  static <T> T replace(Path target, Content<T> content) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
    boolean renamed = false;
    try {
      T result;
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
          Writer writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
        result = content.writeTo(writer);
        writer.flush();
        channel.force(true);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      renamed = true;
      syncDirectory(directory);
      return result;
    } finally {
      if (!renamed) {
        Files.deleteIfExists(partial);
      }
    }
  }

  /** Makes the rename itself durable. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupportedHere) {
      // Some systems cannot open a directory; the rename is still atomic, only its durability waits for the OS.
    }
  }
}
