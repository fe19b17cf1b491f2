package dev.convostore.cli;

import static dev.convostore.cli.CliRun.assertOk;
import static dev.convostore.cli.CliRun.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in this JVM against SQLite files and memory: every command, output and exit code. */
class CliTest {

  private static final String WEATHER = "019b8a1c-0001-7000-8000-000000000000";

  @TempDir Path directory;

  private CliRun run(String... args) {
    return CliRun.run(directory, args);
  }

  @Test
  void demoStoresTheSampleInTheDefaultFileOnceHoweverOftenItRuns() {
    CliRun first = run("demo");
    CliRun second = run("demo");

    assertOk(first);
    assertOk(second);
    assertTrue(Files.exists(directory.resolve("convostore.db")));
    assertTrue(first.out().contains("4 conversations, 21 messages, 4 context items"), first.out());
    assertTrue(first.out().contains("#3 assistant calls weather_forecast"), first.out());
    JsonNode listed = run("--user", "ada", "--json", "list").json();
    assertEquals(2, listed.get("conversations").size());
    assertEquals(7, run("--user", "ada", "--json", "show", WEATHER).json().get("messages").size());
    JsonNode demo = run("demo", "--json").json();
    assertEquals(21, demo.get("messages").asInt());
    assertEquals(6, demo.get("window").size());
  }

  @Test
  void everyConversationAndMessageCommandWorksAndSpeaksJson() {
    String id = run("--user", "alice", "--json", "new", "--metadata", "{\"channel\":\"cli\"}").json().get("id").asText();
    assertOk(run("--user", "alice", "append", id, "What is the weather in Oslo?"));
    assertOk(CliRun.run(directory, Map.of(), "It is snowing.\n", "--user", "alice", "append", id, "--role", "assistant"));
    assertOk(run("--user", "alice", "append", id, "", "--role", "assistant", "--tool", "weather", "--call-id", "c1",
        "--arguments", "{\"city\":\"Oslo\"}"));
    JsonNode result = run("--user", "alice", "--json", "append", id, "{\"celsius\":-3}", "--role", "tool",
        "--tool", "weather", "--call-id", "c1", "--outcome", "success", "--action", "looked up").json();
    assertEquals("tool_result", result.get("kind").asText());
    assertEquals(4, result.get("sequence").asInt());

    JsonNode shown = run("--user", "alice", "--json", "show", id, "--last", "3").json();
    assertEquals("What is the weather in Oslo?", shown.get("title").asText());
    assertEquals("cli", shown.get("metadata").get("channel").asText());
    assertEquals(List.of(2, 3, 4), sequences(shown.get("messages")));
    assertEquals("weather", shown.get("messages").get(1).get("toolCalls").get(0).get("toolName").asText());
    assertEquals(List.of(1, 2), sequences(run("--user", "alice", "--json", "show", id, "--before", "3").json().get("messages")));
    assertEquals(List.of(3, 4), sequences(run("--user", "alice", "--json", "show", id, "--after", "2").json().get("messages")));
    assertEquals(List.of(3, 4), sequences(run("--user", "alice", "--json", "show", id, "--after", "3").json().get("messages")),
        "a window never starts with a tool result whose call it leaves out");

    assertEquals(List.of(1), sequences(run("--user", "alice", "--json", "search", "OSLO", "weather").json()));
    assertEquals(List.of(1, 2, 3), sequences(run("--user", "alice", "--json", "show", id, "--role", "user,assistant").json().get("messages")));
    assertEquals(List.of(3, 4), sequences(run("--user", "alice", "--json", "show", id, "--kind", "tool_result").json().get("messages")),
        "a tool result keeps its call");
    assertEquals(List.of(3, 4), sequences(run("--user", "alice", "--json", "show", id, "--tool", "weather").json().get("messages")));
    assertEquals(List.of(), sequences(run("--user", "alice", "--json", "show", id, "--tool", "news").json().get("messages")));
    assertRefused(run("--user", "alice", "show", id, "--role", "robot"), "--role must be one of");
    assertEquals(List.of(), sequences(run("--user", "alice", "--json", "search", "weather", "--role", "assistant").json()));
    assertEquals(List.of(1), sequences(run("--user", "alice", "--json", "search", "weather", "--kind", "text").json()));
    JsonNode tools = run("--user", "alice", "--json", "tools", "--since", "1h").json().get("tools");
    assertEquals("weather", tools.get(0).get("tool").asText());
    assertEquals(1, tools.get(0).get("results").get("success").asInt());
    JsonNode stats = run("--user", "alice", "--json", "stats", id).json();
    assertEquals(1, stats.get("messagesByRole").get("user").asInt());
    assertEquals(1, stats.get("tools").get(0).get("results").get("success").asInt());

    assertEquals("Snow report", run("--user", "alice", "--json", "rename", id, "Snow report").json().get("title").asText());
    assertFalse(run("--user", "alice", "--json", "deactivate", id).json().get("active").asBoolean());
    assertEquals(1, run("--user", "alice", "--json", "list", "--inactive").json().get("conversations").size());
    assertEquals(0, run("--user", "alice", "--json", "list", "--active").json().get("conversations").size());
    assertTrue(run("--user", "alice", "--json", "reactivate", id).json().get("active").asBoolean());
    assertEquals(1, run("--user", "alice", "--json", "list", "--metadata", "{\"channel\":\"cli\"}").json()
        .get("conversations").size());

    String later = run("--user", "alice", "--json", "new").json().get("id").asText();
    assertOk(run("--user", "alice", "append", id, "activity after the second conversation started"));
    assertEquals(List.of(id, later), ids(run("--user", "alice", "--json", "list").json()));
    assertEquals(List.of(later, id), ids(run("--user", "alice", "--json", "list", "--by-creation").json()));
    String cursor = run("--user", "alice", "--json", "list", "--by-creation", "--limit", "1").json().get("nextCursor").asText();
    assertEquals(List.of(id), ids(run("--user", "alice", "--json", "list", "--by-creation", "--cursor", cursor).json()));
    assertRefused(run("--user", "alice", "list", "--cursor", cursor), "cursor continues a listing in another order");

    assertRefused(run("--user", "alice", "delete", id), "repeat with --yes");
    assertEquals(id, run("--user", "alice", "--json", "show", id).json().get("id").asText());
    assertOk(run("--user", "alice", "delete", id, "--yes"));
    assertRefused(run("--user", "alice", "show", id), "conversation " + id + " not found");
  }

  private static List<String> ids(JsonNode listed) {
    List<String> ids = new ArrayList<>();
    listed.get("conversations").forEach(conversation -> ids.add(conversation.get("id").asText()));
    return ids;
  }

  private static List<Integer> sequences(JsonNode messages) {
    List<Integer> sequences = new ArrayList<>();
    messages.forEach(message -> sequences.add(message.get("sequence").asInt()));
    return sequences;
  }

  @Test
  void aMessageIsRatedAndRedactedByItsSequenceOrItsId() {
    String id = run("--user", "alice", "--json", "new").json().get("id").asText();
    assertOk(run("--user", "alice", "append", id, "my card is 4111"));
    assertOk(run("--user", "alice", "append", id, "Noted.", "--role", "assistant"));

    JsonNode rated = run("--user", "alice", "--json", "rate", id, "2", "1", "--label", "helpful").json();
    assertEquals(2, rated.get("sequence").asInt());
    assertOk(run("--user", "alice", "rate", id, rated.get("messageId").asText(), "-0.5", "--comment", "too short"));
    JsonNode feedback = run("--user", "alice", "--json", "feedback", id).json();
    assertEquals(1, feedback.size(), "rated again, replaced");
    assertEquals(-0.5, feedback.get(0).get("rating").asDouble());
    assertEquals("too short", feedback.get(0).get("comment").asText());
    assertEquals(2, feedback.get(0).get("sequence").asInt());
    assertRefused(run("--user", "alice", "rate", id, "2", "2"), "rating must be from -1 to 1");
    assertRefused(run("--user", "bob", "feedback", id), "not found");

    assertRefused(run("--user", "alice", "redact", id, "1"), "repeat with --yes to confirm");
    assertEquals("my card is 4111", run("--user", "alice", "--json", "show", id).json().get("messages").get(0).get("content").asText());
    assertEquals("", run("--user", "alice", "--json", "redact", id, "1", "--yes").json().get("content").asText());
    assertEquals("", run("--user", "alice", "--json", "show", id).json().get("messages").get(0).get("content").asText());
    assertEquals(0, run("--user", "alice", "--json", "search", "card").json().size());
    assertRefused(run("--user", "alice", "redact", id, "9", "--yes"), "message #9 not found");
  }

  @Test
  void listingPagesWithTheCursorItPrints() {
    for (int i = 0; i < 3; i++) {
      assertOk(run("--user", "alice", "new", "--title", "chat " + i));
    }
    JsonNode first = run("--user", "alice", "--json", "list", "--limit", "2").json();
    JsonNode second = run("--user", "alice", "--json", "list", "--limit", "2", "--cursor", first.get("nextCursor").asText()).json();

    assertEquals(2, first.get("conversations").size());
    assertEquals(1, second.get("conversations").size());
    assertTrue(second.get("nextCursor").isNull());
    assertRefused(run("--user", "alice", "list", "--cursor", "forged"), "cursor");
  }

  @Test
  void anotherUsersConversationIsNotFoundExactlyLikeAMissingOne() {
    assertOk(run("demo"));

    CliRun other = run("--user", "mallory", "show", WEATHER);
    CliRun missing = run("--user", "mallory", "show", "019b8a1c-0009-7000-8000-000000000000");

    assertRefused(other, "not found");
    assertEquals(missing.err().replace("0009", "0001"), other.err());
    assertRefused(run("--user", "mallory", "append", WEATHER, "let me in"), "not found");
  }

  @Test
  void exitCodesSayWhatKindOfFailureItWas() {
    assertEquals(2, run("bogus").exitCode());
    assertEquals(2, run("show").exitCode(), "a missing argument");
    assertEquals(2, run("list", "--limit", "many").exitCode());
    assertEquals(2, run().exitCode(), "no command");
    assertRefused(run("show", "not-a-uuid"), "conversationId");
    CliRun unreachable = run("--db", "jdbc:postgresql://127.0.0.1:1/convostore", "list");
    assertEquals(4, unreachable.exitCode(), unreachable.err());
    assertTrue(unreachable.err().contains("retrying may work"), unreachable.err());
    assertTrue(unreachable.err().contains("cannot be reached"), unreachable.err());
    for (String command : List.of("demo", "new", "append", "show", "list", "search", "stats", "rename", "deactivate",
        "reactivate", "delete", "erase-user", "retention", "export", "import", "migrate")) {
      CliRun help = run(command, "--help");
      assertOk(help);
      assertTrue(help.out().contains("Usage: convostore " + command), help.out());
    }
  }

  @Test
  void oversizeContentIsRefusedNamingTheFieldAndNothingIsStored() throws IOException {
    Files.writeString(directory.resolve("convostore.properties"), "convostore.max-content-length=10\n");
    String id = run("--json", "new").json().get("id").asText();

    assertRefused(run("append", id, "eleven chars"), "messages[0].content");
    assertEquals(0, run("--json", "show", id).json().get("messages").size());
  }

  @Test
  void theStoreAndUserComeFromOptionThenEnvironmentThenPropertiesThenDefaults() throws IOException {
    Files.writeString(directory.resolve("convostore.properties"),
        "convostore.url=jdbc:sqlite:" + directory.resolve("from-file.db") + "\nconvostore.user=file-user\n");
    assertOk(run("new"));
    assertTrue(Files.exists(directory.resolve("from-file.db")));
    assertEquals(1, run("--json", "--user", "file-user", "list").json().get("conversations").size());
    assertEquals(1, run("--json", "list").json().get("conversations").size(), "the user from the file");

    Map<String, String> environment = Map.of(
        "CONVOSTORE_URL", "jdbc:sqlite:" + directory.resolve("from-env.db"), "CONVOSTORE_USER", "env-user");
    assertOk(CliRun.run(directory, environment, "", "new"));
    assertTrue(Files.exists(directory.resolve("from-env.db")));
    assertEquals("env-user", CliRun.run(directory, environment, "", "--json", "list").json()
        .get("conversations").get(0).get("owner").asText());

    assertOk(CliRun.run(directory, environment, "", "new", "--db", "jdbc:sqlite:" + directory.resolve("from-option.db")));
    assertTrue(Files.exists(directory.resolve("from-option.db")), "--db after the command name");
    assertEquals(0, run("--db", "memory:", "--json", "list").json().get("conversations").size());
  }

  @Test
  void exportThenImportIntoAnEmptyStoreThenExportAgainGivesTheSameBytes() throws IOException {
    assertOk(run("demo"));
    assertOk(run("--user", "ada", "append", WEATHER, "One more, with metadata-free text ✓"));
    assertOk(run("export", "--all", "-o", "first.jsonl"));
    String other = "jdbc:sqlite:" + directory.resolve("other.db");

    CliRun imported = run("--db", other, "--json", "import", "first.jsonl");
    assertOk(imported);
    assertEquals(22, imported.json().get("messages").asInt());
    assertOk(run("--db", other, "export", "--all", "-o", "second.jsonl"));
    assertOk(run("--db", other, "import", "second.jsonl"));
    assertOk(run("--db", other, "export", "--all", "-o", "third.jsonl"));

    byte[] first = Files.readAllBytes(directory.resolve("first.jsonl"));
    assertEquals(new String(first, StandardCharsets.UTF_8), Files.readString(directory.resolve("second.jsonl")));
    assertEquals(new String(first, StandardCharsets.UTF_8), Files.readString(directory.resolve("third.jsonl")),
        "importing again changes nothing");
    List<String> lines = Files.readAllLines(directory.resolve("first.jsonl"));
    assertEquals("{\"format\":\"convostore-export\",\"version\":3}", lines.get(0));
    assertEquals("{\"end\":{\"conversations\":4,\"messages\":22,\"contextItems\":4}}", lines.get(5));
    assertEquals(6, lines.size());
    assertEquals(4, run("--user", "ada", "export").out().lines().count(), "the acting user's two, between header and end");
  }

  @Test
  void anH2StoreRoundTripsThroughSqliteToTheSameBytesAndKeepsItsOwnFilesFromExports() throws IOException {
    String h2 = "jdbc:h2:file:" + directory.resolve("store");
    String sqlite = "jdbc:sqlite:" + directory.resolve("from-h2.db");

    assertOk(run("--db", h2, "demo"));
    assertEquals("applied", run("--db", h2, "--json", "migrate", "status").json().get(0).get("state").asText());
    assertOk(run("--db", h2, "export", "--all", "-o", "h2.jsonl"));
    assertEquals(22 - 1, run("--db", sqlite, "--json", "import", "h2.jsonl").json().get("messages").asInt());
    assertOk(run("--db", sqlite, "export", "--all", "-o", "sqlite.jsonl"));

    assertEquals(Files.readString(directory.resolve("h2.jsonl")), Files.readString(directory.resolve("sqlite.jsonl")));
    assertRefused(run("--db", h2, "export", "--all", "-o", "store.mv.db"), "store");
    assertEquals(7, run("--db", h2, "--user", "ada", "--json", "show", WEATHER).json().get("messages").size());
  }

  @Test
  void aMalformedLineImportsNothingAndNamesItsLineNumber() throws IOException {
    assertOk(run("demo"));
    assertOk(run("export", "--all", "-o", "good.jsonl"));
    List<String> lines = new ArrayList<>(Files.readAllLines(directory.resolve("good.jsonl")));
    lines.set(3, lines.get(3).replace("\"role\":\"user\"", "\"role\":\"robot\""));
    Files.write(directory.resolve("bad-role.jsonl"), lines);
    lines = new ArrayList<>(Files.readAllLines(directory.resolve("good.jsonl")));
    lines.set(4, lines.get(4).substring(0, 40));
    Files.write(directory.resolve("cut.jsonl"), lines);
    Files.writeString(directory.resolve("notes.txt"), "these are my notes\n");
    Files.writeString(directory.resolve("empty.jsonl"), "");
    String empty = "jdbc:sqlite:" + directory.resolve("empty.db");

    assertRefused(run("--db", empty, "import", "bad-role.jsonl"), "line 4: ");
    assertRefused(run("--db", empty, "import", "cut.jsonl"), "line 5: is not valid JSON");
    assertRefused(run("--db", empty, "import", "notes.txt"), "line 1: is not valid JSON");
    assertRefused(run("--db", empty, "import", "empty.jsonl"), "line 1: the file is empty");
    assertRefused(run("--db", empty, "import", "missing.jsonl"), "no such file: missing.jsonl");
    assertEquals(2, run("--db", empty, "export", "--all").out().lines().count(), "nothing imported: header and end");
  }

  @Test
  void eraseUserAsksForConfirmationThenReportsWhatWentAndRetentionReportsToo() {
    assertOk(run("demo"));

    assertRefused(run("--user", "grace", "erase-user"), "--yes");
    JsonNode erased = run("--user", "grace", "--json", "erase-user", "--yes").json();
    assertEquals(1, erased.get("conversations").asInt());
    assertEquals(5, erased.get("messages").asInt());
    assertEquals(1, erased.get("contextItems").asInt());

    assertRefused(run("retention", "--keep-last", "2"), "repeat with --yes");
    JsonNode trimmed = run("--json", "retention", "--keep-last", "2", "--yes").json();
    // ada's 7 and 6, linus's 3: two kept of each, and one tool result whose call went
    assertEquals(5 + 4 + 1 + 1, trimmed.get("messagesDeleted").asInt());
    JsonNode idle = run("--json", "retention", "--idle", "30d", "--deactivate").json();
    assertEquals(3, idle.get("conversationsDeactivated").asInt(), "the sample is from January 2026");
    JsonNode inactive = run("--json", "retention", "--delete-inactive", "30d", "--yes").json();
    assertEquals(3, inactive.get("conversationsDeleted").asInt(), "deactivated just now, idle since January 2026");
    assertEquals(0, run("--user", "ada", "--json", "list").json().get("conversations").size());
    assertRefused(run("retention"), "--idle");
    assertRefused(run("retention", "--deactivate"), "--deactivate acts on idle conversations");
    assertRefused(run("retention", "--idle", "soon"), "--idle must be a duration");
    assertRefused(run("retention", "--delete-inactive", "soon", "--yes"), "--delete-inactive must be a duration");
  }

  @Test
  void migrateShowsAppliesAndRollsBackTheSchema() {
    assertOk(run("new"));

    JsonNode status = run("--json", "migrate", "status").json();
    int migrations = status.size();
    assertTrue(migrations >= 1);
    status.forEach(migration -> assertEquals("applied", migration.get("state").asText()));
    assertEquals(migrations, run("--json", "migrate", "rollback", "0", "--yes").json().get("undone").asInt());
    run("--json", "migrate", "status").json().forEach(migration -> assertEquals("pending", migration.get("state").asText()));
    assertEquals(migrations, run("--json", "migrate", "apply").json().get("applied").asInt());
    assertRefused(run("migrate", "rollback"), "needs the version");
    assertRefused(run("migrate", "sideways"), "status, apply, distribute or rollback");
    assertRefused(run("migrate", "distribute"), "needs --db to name a Citus coordinator");
    assertRefused(run("--db", "memory:", "migrate", "status"), "no schema");
  }
}
