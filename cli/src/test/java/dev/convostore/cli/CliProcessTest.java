package dev.convostore.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static dev.convostore.cli.CliRun.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool as separate processes: killed, short of memory or disk, started many at once. */
class CliProcessTest {

  private static final int KILLS = 20;

  @TempDir Path directory;

  /** A run of the tool in its own JVM, its standard error going to a file. */
  private record Child(Process process, Path stderr) {}

  /** Starts the tool in a new JVM in {@code directory}. */
  private Child start(List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // SQLite's native library goes to a folder of this test's: a killed tool cannot remove its own.
    command.add("-Dorg.sqlite.tmpdir=" + Files.createTempDirectory(directory, "sqlite-library-"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(Arrays.asList(args));
    Path stderr = Files.createTempFile(directory, "stderr-", ".txt");
    return new Child(new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile())
        .start(), stderr);
  }

  /** A store of {@code conversations} demo-like conversations, made through an import. */
  private void fillStore(int conversations) throws IOException {
    Path file = directory.resolve("many.jsonl");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"format\":\"convostore-export\",\"version\":1}\n");
      for (int i = 0; i < conversations; i++) {
        String id = String.format("019b8a1c-%04x-7000-8000-000000000000", i);
        StringBuilder messages = new StringBuilder();
        for (int m = 1; m <= 10; m++) {
          messages.append(m == 1 ? "" : ",").append("{\"id\":\"").append(String.format("019b8a1c-%04x-7000-8000-%012x", i, m))
              .append("\",\"sequence\":").append(m).append(",\"role\":\"user\",\"kind\":\"text\",\"content\":\"message ")
              .append(m).append(" of a conversation kept through every kill\",\"createdAt\":\"2026-01-05T12:00:00Z\",\"metadata\":{}}");
        }
        out.write("{\"id\":\"" + id + "\",\"owner\":\"u" + (i % 7) + "\",\"title\":\"t\",\"active\":true,"
            + "\"createdAt\":\"2026-01-05T12:00:00Z\",\"updatedAt\":\"2026-01-05T12:00:00Z\",\"messageCount\":10,"
            + "\"lastSequence\":10,\"version\":1,\"metadata\":{},\"agentState\":{\"stepCount\":0,\"focusAreas\":[],"
            + "\"lastUserInput\":null,\"lastToolResult\":null},\"messages\":[" + messages + "],\"contextItems\":[]}\n");
      }
    }
    assertOk(CliRun.run(directory, "import", "many.jsonl"));
  }

  @Test
  @Tag("reliability")
  void anExportKilledAtAnyMomentLeavesTheEarlierExportWhole() throws Exception {
    fillStore(3000);
    assertOk(CliRun.run(directory, "export", "--all", "-o", "backup.jsonl"));
    byte[] earlier = Files.readAllBytes(directory.resolve("backup.jsonl"));
    assertOk(CliRun.run(directory, "--user", "u1", "append", "019b8a1c-0001-7000-8000-000000000000", "after the backup"));
    long started = System.nanoTime();
    assertOk(CliRun.run(directory, "export", "--all", "-o", "complete.jsonl"));
    long exportMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    byte[] complete = Files.readAllBytes(directory.resolve("complete.jsonl"));
    Random random = new Random();
    int killedBeforeTheRename = 0;

    for (int kill = 0; kill < KILLS; kill++) {
      Files.write(directory.resolve("backup.jsonl"), earlier);
      Process export = start(List.of(), "export", "--all", "-o", "backup.jsonl").process();
      Thread.sleep(300 + random.nextInt((int) Math.max(exportMillis * 3, 500)));
      export.toHandle().destroyForcibly(); // SIGKILL
      assertTrue(export.waitFor(60, TimeUnit.SECONDS));
      byte[] after = Files.readAllBytes(directory.resolve("backup.jsonl"));
      boolean untouched = Arrays.equals(earlier, after);
      assertTrue(untouched || Arrays.equals(complete, after), "kill " + kill + ": the old export or the whole new one");
      killedBeforeTheRename += untouched ? 1 : 0;
    }
    assertTrue(killedBeforeTheRename > 0, "some kills came while the export was being written");
  }

  @Test
  void anExportOntoAFullDiskLeavesTheOldFileAsItWas() throws Exception {
    fillStore(200);
    Path small = directory.resolve("small-disk");
    Files.createDirectories(small);
    boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    try {
      Path backup = small.resolve("backup.jsonl");
      Files.writeString(backup, "{\"format\":\"convostore-export\",\"version\":2}\n{\"end\":{\"conversations\":0,\"messages\":0,\"contextItems\":0}}\n");
      byte[] earlier = Files.readAllBytes(backup);
      if (mounted) {
        CliRun full = CliRun.run(directory, "export", "--all", "-o", backup.toString());
        assertEquals(1, full.exitCode(), full.err());
        assertTrue(full.err().contains("No space left on device"), full.err());
      } else {
        // No file system of our own here (not root): the same failure, raised by the writer.
        assertEquals("No space left on device", org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
            () -> AtomicFile.replace(backup, writer -> {
              writer.write("x".repeat(100_000));
              throw new IOException("No space left on device");
            })).getMessage());
      }
      assertArrayEquals(earlier, Files.readAllBytes(backup));
      try (Stream<Path> files = Files.list(small)) {
        assertEquals(List.of(backup), files.toList(), "no partial file left behind");
      }
    } finally {
      if (mounted) {
        new ProcessBuilder("umount", small.toString()).start().waitFor();
      }
    }
  }

  @Test
  void aFiftyMegabyteLineInTheReadmesHeapIsRefusedByNumberWithoutRunningOutOfMemory() throws Exception {
    Path file = directory.resolve("huge.jsonl");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"format\":\"convostore-export\",\"version\":2}\n{\"id\":\"");
      char[] block = new char[1 << 20];
      Arrays.fill(block, 'x');
      for (int i = 0; i < 50; i++) {
        out.write(block);
      }
      out.write("\"}\n");
    }
    Child importing = start(List.of("-Xmx256m"), "import", "huge.jsonl");
    assertTrue(importing.process().waitFor(120, TimeUnit.SECONDS));
    String stderr = Files.readString(importing.stderr());

    assertEquals(1, importing.process().exitValue(), stderr);
    assertEquals("convostore: line 2: is longer than 16 MiB; a larger conversation needs --max-line-mb (and memory for it)",
        stderr.strip());
  }

  @Test
  @Tag("reliability")
  void manyProcessesStartedAtOncePrintNothingButTheirResults() throws Exception {
    for (int wave = 0; wave < 4; wave++) {
      List<Child> children = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        // Each wave creates its store together: one migrates, the others wait for it.
        children.add(start(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"), "--db", "jdbc:sqlite:wave-" + wave + ".db", "list"));
      }
      for (Child child : children) {
        assertTrue(child.process().waitFor(300, TimeUnit.SECONDS));
        String stderr = Files.readString(child.stderr());
        assertEquals(0, child.process().exitValue(), stderr);
        assertEquals("", stderr);
      }
    }
  }
}
