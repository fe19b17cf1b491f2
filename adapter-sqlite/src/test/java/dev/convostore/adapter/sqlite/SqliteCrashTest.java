package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM imports into one SQLite file and is killed with SIGKILL at a random moment, 20
 * times over. After each kill the file must pass {@code PRAGMA integrity_check}, open as a store,
 * hold every batch and conversation the child acknowledged, and hold no partial batch.
 */
@Tag("reliability")
class SqliteCrashTest {

  private static final int KILLS = 20;

  @Test
  void killedImportsLeaveEveryAcknowledgedBatchAndNoPartialOne(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("crash.db");
    ConversationId longOne;
    try (Storage storage = open(file)) {
      longOne = store(storage).conversations().start(StartConversation.by(CrashingImporter.OWNER)).id();
    }
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long acknowledgedBatches = 0;
    Set<ConversationId> acknowledgedImports = new HashSet<>();
    for (int kill = 1; kill <= KILLS; kill++) {
      int delayMillis = random.nextInt(1500);
      List<String> acknowledgements = runAndKill(file, longOne, delayMillis);
      for (String line : acknowledgements) {
        if (line.startsWith("APPENDED ")) {
          acknowledgedBatches = Math.max(acknowledgedBatches, Long.parseLong(line.substring(9)) + 1);
        } else if (line.startsWith("IMPORTED ")) {
          acknowledgedImports.add(ConversationId.parse(line.substring(9)));
        }
      }
      String context = "kill " + kill + " after " + delayMillis + " ms (seed " + seed + ")";
      assertEquals("ok", integrityCheck(file), context);
      assertConsistent(file, longOne, acknowledgedBatches, acknowledgedImports, context);
    }
    assertTrue(acknowledgedBatches > KILLS, "the child got work done between kills: " + acknowledgedBatches);
    System.out.printf("%d kills (seed %d): %d appended batches and %d imported conversations acknowledged, all present%n",
        KILLS, seed, acknowledgedBatches, acknowledgedImports.size());
  }

  /** Starts the child, kills it {@code delayMillis} after it is ready, and returns what it acknowledged. */
  private static List<String> runAndKill(Path file, ConversationId longOne, int delayMillis) throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        CrashingImporter.class.getName(), file.toString(), longOne.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!lines.contains("READY")) {
        assertTrue(child.isAlive() && System.nanoTime() < deadline, "the child did not start: " + lines);
        Thread.sleep(5);
      }
      Thread.sleep(delayMillis);
    } finally {
      // SIGKILL: no shutdown hook, no finally block runs in the child. Through the process handle,
      // so that the pipe stays open and every line the child wrote before it died is still read.
      child.toHandle().destroyForcibly();
      child.waitFor(60, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(60));
    }
    return lines;
  }

  private static String integrityCheck(Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
      result.next();
      return result.getString(1);
    }
  }

  private static void assertConsistent(
      Path file, ConversationId longOne, long acknowledgedBatches, Set<ConversationId> acknowledgedImports, String context) {
    try (Storage storage = open(file)) {
      UseCases store = store(storage);
      List<Message> messages = new ArrayList<>();
      for (List<Message> page = store.history().history(CrashingImporter.OWNER, longOne, HistoryRequest.after(0, 1000));
          !page.isEmpty();
          page = store.history().history(CrashingImporter.OWNER, longOne,
              HistoryRequest.after(page.get(page.size() - 1).sequence(), 1000))) {
        messages.addAll(page);
      }
      assertEquals(0, messages.size() % CrashingImporter.BATCH, context + ": no partial batch");
      assertTrue(messages.size() / CrashingImporter.BATCH >= acknowledgedBatches, context + ": every acknowledged batch");
      for (int i = 0; i < messages.size(); i++) {
        assertEquals(i + 1, messages.get(i).sequence(), context);
        assertEquals(CrashingImporter.batchMessage(i / CrashingImporter.BATCH, i % CrashingImporter.BATCH),
            messages.get(i).content(), context + ": batches whole and in order");
      }
      Set<ConversationId> imported = new HashSet<>();
      try (Stream<ConversationSnapshot> all = store.transfer().export(CrashingImporter.OWNER)) {
        all.filter(snapshot -> !snapshot.conversation().id().equals(longOne)).forEach(snapshot -> {
          assertEquals(CrashingImporter.IMPORTED_MESSAGES, snapshot.messages().size(), context + ": no partial import");
          imported.add(snapshot.conversation().id());
        });
      }
      assertTrue(imported.containsAll(acknowledgedImports), context + ": every acknowledged import");
    }
  }

  private static Storage open(Path file) {
    return new SqliteStorageProvider().open(
        new StoreSettings("jdbc:sqlite:" + file, StoreLimits.DEFAULTS, Map.of()));
  }

  private static UseCases store(Storage storage) {
    return UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
  }
}
