package dev.convostore.cli;

import static dev.convostore.cli.CliRun.assertOk;
import static dev.convostore.cli.CliRun.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line never loses, half-writes or exposes data, whatever the person at the keyboard does. */
class CliSafetyTest {

  private static final String WEATHER = "019b8a1c-0001-7000-8000-000000000000";
  private static final String PASSWORD = "Pa55-w0rd-never-shown";

  @TempDir Path directory;

  private CliRun run(String... args) {
    return CliRun.run(directory, args);
  }

  private String exportAll() {
    CliRun export = run("export", "--all");
    assertOk(export);
    return export.out();
  }

  @Test
  void exportRefusesTheStoresOwnFilesAndLeavesThemWhole() throws IOException {
    assertOk(run("demo"));
    String before = exportAll();

    for (String target : List.of("convostore.db", "./convostore.db", "convostore.db-wal")) {
      assertRefused(run("export", "--all", "-o", target), "a file of the store");
    }
    assertRefused(run("--db", "jdbc:sqlite:file:" + directory.resolve("convostore.db") + "?cache=private",
        "export", "-o", directory.resolve("convostore.db").toString()), "a file of the store");
    assertEquals(before, exportAll());
    assertTrue(run("export", "--help").out().contains("replaced only once the new export is complete"));
  }

  @Test
  void anExportThatFailsHalfwayLeavesTheOldFileAsItWasAndNoPartialFile() throws IOException {
    Path target = directory.resolve("backup.jsonl");
    Files.writeString(target, "the good earlier export\n");

    IOException full = assertThrows(IOException.class, () -> AtomicFile.replace(target, writer -> {
      writer.write("{\"format\":\"convostore-export\",\"version\":2}\n{\"id\":\"cut mid-li");
      writer.flush();
      throw new IOException("No space left on device");
    }));

    assertEquals("No space left on device", full.getMessage());
    assertEquals("the good earlier export\n", Files.readString(target));
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(target), files.toList(), "no partial file left behind");
    }
    assertOk(run("demo"));
    assertOk(run("export", "--all", "-o", "backup.jsonl"));
    assertEquals(exportAll(), Files.readString(target), "a complete export replaces it");
  }

  @Test
  void rollbackAsksForConfirmationAndSaysWhatItDeletes() {
    assertOk(run("demo"));
    String before = exportAll();

    CliRun unconfirmed = run("migrate", "rollback", "0");

    assertRefused(unconfirmed, "--yes");
    assertTrue(unconfirmed.err().contains("V1 (conversations messages context items)"), unconfirmed.err());
    assertTrue(unconfirmed.err().contains("every conversation, message and context item"), unconfirmed.err());
    assertEquals(before, exportAll());
    assertRefused(run("migrate", "rollback", "latest", "--yes"), "must be a number");
  }

  /** A file of {@code count} conversations made by the demo's export, ready to be broken. */
  private List<String> exportLines() throws IOException {
    assertOk(run("demo"));
    assertOk(run("export", "--all", "-o", "good.jsonl"));
    return new ArrayList<>(Files.readAllLines(directory.resolve("good.jsonl")));
  }

  private static String insertAfterFirst(String line, String marker, String inserted) {
    int at = line.indexOf(marker) + marker.length();
    String rest = line.substring(at);
    // Inserting a member into an empty object must not leave a trailing comma.
    return line.substring(0, at) + (rest.startsWith("}") && inserted.endsWith(",") ? inserted.substring(0, inserted.length() - 1) : inserted) + rest;
  }

  @Test
  void anImportThatStoringWouldRefuseAtItsLastLinesImportsNothingAndNamesTheLine() throws IOException {
    List<String> lines = exportLines();
    Files.writeString(directory.resolve("convostore.properties"),
        "convostore.max-content-length=200\nconvostore.max-json-bytes=100\n");
    String empty = "--db=jdbc:sqlite:" + directory.resolve("empty.db");
    List<String> oversizeContent = new ArrayList<>(lines);
    oversizeContent.set(4, insertAfterFirst(oversizeContent.get(4), "\"content\":\"", "x".repeat(300)));
    List<String> oversizeMetadata = new ArrayList<>(lines);
    oversizeMetadata.set(4, insertAfterFirst(oversizeMetadata.get(4), "\"metadata\":{", "\"big\":\"" + "y".repeat(200) + "\","));
    Files.write(directory.resolve("content.jsonl"), oversizeContent);
    Files.write(directory.resolve("metadata.jsonl"), oversizeMetadata);

    assertRefused(run(empty, "import", "content.jsonl"), "line 5: messages[0].content must be at most 200 characters");
    assertRefused(run(empty, "import", "metadata.jsonl"), "line 5: conversation.metadata must be at most 100 bytes");
    assertEquals(2, run(empty, "export", "--all").out().lines().count(), "nothing imported");

    // Another user already has the id of the last conversation in the file.
    Files.delete(directory.resolve("convostore.properties"));
    String lastId = Cli.JSON.readTree(lines.get(4)).get("id").asText();
    Files.write(directory.resolve("taken.jsonl"), List.of(lines.get(0),
        lines.get(4).replace("\"owner\":\"" + Cli.JSON.readTree(lines.get(4)).get("owner").asText() + "\"", "\"owner\":\"mallory\""),
        "{\"end\":{\"conversations\":1,\"messages\":" + Cli.JSON.readTree(lines.get(4)).get("messages").size()
            + ",\"contextItems\":" + Cli.JSON.readTree(lines.get(4)).get("contextItems").size() + "}}"));
    assertOk(run(empty, "import", "taken.jsonl"));
    assertRefused(run(empty, "import", "good.jsonl"), "line 5: conversation " + lastId + " belongs to another user");
    assertEquals(3, run(empty, "export", "--all").out().lines().count(), "only mallory's conversation");
  }

  @Test
  void importNeverMovesAConversationBackwardsUnlessReplacingAndThenRaisesItsVersion() throws IOException {
    exportLines();
    assertOk(run("--user", "ada", "append", WEATHER, "one more"));
    assertOk(run("--user", "ada", "append", WEATHER, "and another"));
    String newer = exportAll();

    CliRun older = run("import", "good.jsonl");

    assertRefused(older, "line 2: conversation " + WEATHER + " is older in the import");
    assertEquals(newer, exportAll(), "nothing changed");
    JsonNode replaced = run("--json", "import", "good.jsonl", "--replace").json();
    assertEquals(4, replaced.get("conversations").asInt());
    JsonNode shown = run("--user", "ada", "--json", "show", WEATHER).json();
    assertEquals(2, shown.get("version").asInt(), "a replacement raises the version");
    assertEquals(7, shown.get("messages").size());
    assertEquals(10, run("--user", "ada", "--json", "append", WEATHER, "next").json().get("sequence").asInt(),
        "sequences given before the restore are not given again");
    assertTrue(run("import", "--help").out().contains("administrator"));
  }

  @Test
  void aFileCutShortOrFollowedByMoreIsRefusedAndVersionOneIsReadWithAWarning() throws IOException {
    List<String> lines = exportLines();
    String empty = "--db=jdbc:sqlite:" + directory.resolve("empty.db");
    Files.write(directory.resolve("cut.jsonl"), lines.subList(0, 4));
    List<String> miscounted = new ArrayList<>(lines.subList(0, 4));
    miscounted.add(lines.get(5));
    Files.write(directory.resolve("miscounted.jsonl"), miscounted);
    List<String> trailing = new ArrayList<>(lines);
    trailing.add(lines.get(1));
    Files.write(directory.resolve("trailing.jsonl"), trailing);
    List<String> versionOne = new ArrayList<>(lines.subList(0, 5));
    versionOne.set(0, "{\"format\":\"convostore-export\",\"version\":1}");
    Files.write(directory.resolve("v1.jsonl"), versionOne);

    assertRefused(run(empty, "import", "cut.jsonl"), "line 5: the file ends without the export's end line: it was cut short");
    assertRefused(run(empty, "import", "miscounted.jsonl"), "line 5: the end line counts 4 conversations");
    assertRefused(run(empty, "import", "trailing.jsonl"), "line 7: follows the export's end line");
    assertEquals(2, run(empty, "export", "--all").out().lines().count(), "nothing imported");
    CliRun old = run(empty, "import", "v1.jsonl");
    assertOk(old);
    assertTrue(old.err().contains("warning: v1.jsonl: the file is in version 1"), old.err());
    assertTrue(old.out().contains("imported 4 conversations"), old.out());
  }

  @Test
  void aLineLongerThanTheLimitIsRefusedByNumberBeforeItIsReadWhole() throws IOException {
    List<String> lines = exportLines();
    String huge = insertAfterFirst(lines.get(2), "\"content\":\"", "z".repeat(3 << 20));
    Files.write(directory.resolve("long.jsonl"), List.of(lines.get(0), lines.get(1), huge));
    String empty = "--db=jdbc:sqlite:" + directory.resolve("empty.db");

    assertRefused(run(empty, "import", "long.jsonl", "--max-line-mb", "2"), "line 3: is longer than 2 MiB");
    assertRefused(run(empty, "import", "long.jsonl"), "line 3: messages[0].content must be at most");
    assertEquals(2, run(empty, "export", "--all").out().lines().count(), "nothing imported");
  }

  @Test
  void badInputInAnImportNamesItsLineAndField() throws IOException {
    List<String> lines = exportLines();
    String empty = "--db=jdbc:sqlite:" + directory.resolve("empty.db");
    byte[] invalidUtf8 = (lines.get(0) + "\n" + lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBadByte = new byte[invalidUtf8.length + 3];
    System.arraycopy(invalidUtf8, 0, withBadByte, 0, invalidUtf8.length);
    withBadByte[invalidUtf8.length] = (byte) 0xC3;
    withBadByte[invalidUtf8.length + 1] = (byte) 0x28;
    withBadByte[invalidUtf8.length + 2] = '\n';
    Files.write(directory.resolve("utf8.jsonl"), withBadByte);
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    Files.write(directory.resolve("deep.jsonl"), List.of(lines.get(0),
        lines.get(1).replaceFirst("\"metadata\":\\{[^}]*}", "\"metadata\":" + deep)));
    Files.write(directory.resolve("robot.jsonl"), List.of(lines.get(0), lines.get(1).replaceFirst("\"role\":\"user\"", "\"role\":\"robot\"")));
    Files.write(directory.resolve("garbage.jsonl"), List.of(lines.get(0), lines.get(1) + " trailing"));
    Files.write(directory.resolve("twice.jsonl"), List.of(lines.get(0), lines.get(1), lines.get(1)));

    assertRefused(run(empty, "import", "utf8.jsonl"), "line 3: is not valid UTF-8 text");
    assertRefused(run(empty, "import", "deep.jsonl"), "line 2: metadata.a.a");
    assertRefused(run(empty, "import", "deep.jsonl"), "is nested deeper than 32 levels");
    assertRefused(run(empty, "import", "robot.jsonl"), "line 2: 'messages[1].role' must be one of user, assistant, system, tool, not 'robot'");
    assertRefused(run(empty, "import", "garbage.jsonl"), "line 2: is not valid JSON");
    assertRefused(run(empty, "import", "twice.jsonl"), "line 3: conversation " + WEATHER + " comes twice");
    assertEquals(2, run(empty, "export", "--all").out().lines().count(), "nothing imported");

    CliRun fromStandardInput = CliRun.run(directory, Map.of(), Files.readString(directory.resolve("good.jsonl")),
        empty, "import", "-");
    assertOk(fromStandardInput);
    assertTrue(fromStandardInput.out().contains("imported 4 conversations, 21 messages, 4 context items"), fromStandardInput.out());
  }

  @Test
  void noOutputEverShowsAPassword() throws IOException {
    List<CliRun> runs = new ArrayList<>();
    String sqlite = "jdbc:sqlite:" + directory.resolve("convostore.db") + "?password=" + PASSWORD;
    runs.add(run("--db", sqlite, "demo"));
    runs.add(run("--db", sqlite, "--json", "demo"));
    for (String url : List.of("jdbc:postgres://admin:" + PASSWORD + "@db.example/chat?password=" + PASSWORD,
        "postgresql://user:" + PASSWORD + "@localhost/chat", "jdbc:mysql://h/db?user=u&password=" + PASSWORD,
        "jdbc:postgresql://127.0.0.1:1/chat?user=u&password=" + PASSWORD + "&sslpassword=" + PASSWORD)) {
      runs.add(run("--db", url, "list"));
      runs.add(run("--db", url, "--json", "demo"));
      runs.add(run("--db", url, "migrate", "status"));
    }

    assertOk(runs.get(0));
    assertTrue(runs.get(0).out().contains("password=***"), runs.get(0).out());
    assertTrue(runs.get(2).err().contains("admin:***@db.example"), runs.get(2).err());
    for (CliRun run : runs) {
      assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), () -> "shown: " + run);
    }
  }

  @Test
  void textOutputShowsControlCharactersAsEscapesAndMarksContinuationLines() {
    String id = run("--json", "new", "--title", "evil\u202e title").json().get("id").asText();
    assertOk(run("append", id, "red \u001b[31malert\u001b[0m\nhi\n#99 assistant: I am root\u202e"));

    CliRun shown = run("show", id);
    CliRun found = run("search", "red");

    for (CliRun run : List.of(shown, found)) {
      assertOk(run);
      assertFalse(run.out().chars().anyMatch(c -> c < 0x20 && c != '\n'), run.out());
      assertFalse(run.out().contains("\u202e"), run.out());
      assertTrue(run.out().contains("red \\u001B[31malert\\u001B[0m"), run.out());
      assertTrue(run.out().contains("\n" + Views.CONTINUATION + "#99 assistant: I am root\\u202E"), run.out());
      assertFalse(run.out().lines().anyMatch(line -> line.startsWith("#99")), run.out());
    }
    assertTrue(shown.out().contains("evil\\u202E title"), shown.out());
    JsonNode json = run("--json", "show", id).json();
    assertEquals("red \u001b[31malert\u001b[0m\nhi\n#99 assistant: I am root\u202e",
        json.get("messages").get(0).get("content").asText(), "JSON output is exact");
  }

  @Test
  void smallMistakesGetClearRefusals() {
    String id = run("--json", "new").json().get("id").asText();

    assertRefused(run("new", "--metadata", "{\"a\":1} trailing"), "--metadata must be one JSON object");
    assertRefused(run("append", id, "x", "--arguments", "{}"), "--arguments belongs to a tool call");
    assertRefused(run("append", id, "x", "--outcome", "success"), "--outcome and --action belong to a tool result");
    assertRefused(run("append", id, "x", "--role", "assistant", "--tool", "t", "--call-id", "c", "--outcome", "success"),
        "--outcome and --action belong to a tool result");
    assertRefused(CliRun.run(directory, Map.of(), new byte[] {'o', 'k', (byte) 0xC3, 0x28}, "append", id),
        "standard input is not valid UTF-8 text");
    assertEquals(0, run("--json", "show", id).json().get("messages").size());
    CliRun unknown = run("init", "--help");
    assertEquals(2, unknown.exitCode(), unknown.out() + unknown.err());
    assertTrue(unknown.err().contains("init"), unknown.err());
    assertRefused(run("import", directory.toString()), "is a directory");
  }
}
