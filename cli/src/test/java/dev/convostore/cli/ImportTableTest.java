package dev.convostore.cli;

import static dev.convostore.cli.CliRun.assertOk;
import static dev.convostore.cli.CliRun.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.MemoryIds;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-table} on the table shapes the designs' systems keep: each imported twice, the
 * second run changing nothing.
 */
class ImportTableTest {

  private static final UserId ADA = UserId.of("ada");
  private static final UserId BOB = UserId.of("bob");

  @TempDir Path directory;

  @Test
  void theSqliteConversationLogWithMessageIdsAndTimestamps() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("log.db");
    execute(url, Map.of(), """
        CREATE TABLE conversation_log (
          message_id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, user_id TEXT NOT NULL,
          role TEXT NOT NULL, content TEXT NOT NULL, timestamp DATETIME DEFAULT CURRENT_TIMESTAMP)""",
        "INSERT INTO conversation_log (session_id, user_id, role, content, timestamp) VALUES"
            + " ('s1', 'ada', 'user', 'Plan a trip to Oslo', '2026-03-01 10:00:00'),"
            + " ('s2', 'bob', 'user', 'Hello', '2026-03-01 09:00:00'),"
            + " ('s1', 'ada', 'assistant', 'Three days?', '2026-03-01 10:00:00'),"
            + " ('s1', 'ada', 'user', 'Yes', '2026-03-01 10:00:05')");

    importTwice(Map.of(), 2, 4, "--from", url, "--table", "conversation_log", "--conversation-column", "session_id",
        "--user-column", "user_id", "--role-column", "role", "--content-column", "content",
        "--time-column", "timestamp", "--order-column", "message_id");

    try (ConvoStore store = store()) {
      List<Message> trip = history(store, ADA, MemoryIds.conversationId("conversation_log", ADA, "s1"));
      assertEquals(List.of("USER Plan a trip to Oslo", "ASSISTANT Three days?", "USER Yes"), lines(trip),
          "numbered in message_id order, also where timestamps tie");
      assertEquals(Instant.parse("2026-03-01T10:00:05Z"), trip.get(2).createdAt());
      Conversation bobs = store.conversations().get(BOB, MemoryIds.conversationId("conversation_log", BOB, "s2"));
      assertEquals(new JsonString("s2"), bobs.metadata().get("import.conversationId").orElseThrow());
    }
  }

  @Test
  void thePostgresqlTablesWithUserIdsToolUsedAndActionTakenThroughAQuery() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
      Map<String, String> login = Map.of("user", "postgres", "password", "postgres");
      execute(url, login,
          "CREATE TABLE conversations (id SERIAL PRIMARY KEY, user_id TEXT NOT NULL, title VARCHAR(255),"
              + " created_at TIMESTAMPTZ NOT NULL)",
          "CREATE TABLE messages (id SERIAL PRIMARY KEY, conversation_id INTEGER REFERENCES conversations (id),"
              + " role TEXT NOT NULL, content TEXT NOT NULL, tool_used TEXT, action_taken TEXT,"
              + " created_at TIMESTAMPTZ NOT NULL)",
          "INSERT INTO conversations (user_id, title, created_at) VALUES"
              + " ('ada', 'Order 4711', '2026-02-01T08:00:00Z'), ('bob', NULL, '2026-02-02T08:00:00Z')",
          "INSERT INTO messages (conversation_id, role, content, tool_used, action_taken, created_at) VALUES"
              + " (1, 'user', 'Where is order 4711?', NULL, NULL, '2026-02-01T08:00:00Z'),"
              + " (1, 'assistant', 'It ships today.', 'order_lookup', 'looked up order 4711', '2026-02-01T08:00:02Z'),"
              + " (1, 'tool', '{\"status\": \"packed\"}', 'order_lookup', 'read the order', '2026-02-01T08:00:01Z'),"
              + " (2, 'user', 'Hi', NULL, NULL, '2026-02-02T08:00:00Z')");

      importTwice(Map.of("CONVOSTORE_SOURCE_PASSWORD", "postgres"), 2, 4, "--from", url, "--from-user", "postgres",
          "--query", "SELECT m.*, c.user_id, c.title FROM messages m JOIN conversations c ON c.id = m.conversation_id",
          "--namespace", "support", "--conversation-column", "conversation_id", "--user-column", "user_id",
          "--role-column", "role", "--content-column", "content", "--time-column", "created_at",
          "--title-column", "title", "--tool-column", "tool_used", "--action-column", "action_taken");
    }

    try (ConvoStore store = store()) {
      Conversation order = store.conversations().get(ADA, MemoryIds.conversationId("support", ADA, "1"));
      assertEquals(Optional.of("Order 4711"), order.title());
      assertEquals(new JsonString("1"), order.metadata().get("import.conversationId").orElseThrow(),
          "the integer id, as text");
      List<Message> messages = history(store, ADA, order.id());
      assertEquals(List.of("USER Where is order 4711?", "TOOL {\"status\": \"packed\"}", "ASSISTANT It ships today."),
          lines(messages), "in time order");
      assertEquals(new ToolResult("support-2", "order_lookup", ToolOutcome.SUCCESS, Optional.of("read the order")),
          messages.get(1).toolResult().orElseThrow());
      assertEquals(JsonObject.of("toolName", "order_lookup", "actionTaken", "looked up order 4711"),
          messages.get(2).metadata(), "an assistant's tool use is kept beside its text");
      assertEquals(1, history(store, BOB, MemoryIds.conversationId("support", BOB, "2")).size());
    }
  }

  @Test
  void theAgentTablesWithToolNamesSuccessMetadataAndEpochSeconds() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("agent.db");
    execute(url, Map.of(), """
        CREATE TABLE agent_messages (
          id INTEGER PRIMARY KEY, agent_session INTEGER NOT NULL, role TEXT NOT NULL, content TEXT,
          tool_name TEXT, tool_success INTEGER, metadata TEXT, created_at INTEGER NOT NULL)""",
        "INSERT INTO agent_messages VALUES"
            + " (1, 7, 'SYSTEM', 'You are a research agent.', NULL, NULL, NULL, 1772000000),"
            + " (2, 7, 'USER', 'Find the paper', NULL, NULL, '{\"channel\": \"web\"}', 1772000001),"
            + " (3, 7, 'TOOL', 'no results', 'search', 0, NULL, 1772000002),"
            + " (4, 7, 'TOOL', '3 results', 'search', 1, NULL, 1772000003),"
            + " (5, 7, 'ASSISTANT', '', NULL, NULL, NULL, 1772000004)");

    importTwice(Map.of(), 1, 5, "--user", "ada", "--from", url, "--table", "agent_messages",
        "--conversation-column", "agent_session", "--role-column", "role", "--content-column", "content",
        "--time-column", "created_at", "--epoch-seconds", "--order-column", "id", "--tool-column", "tool_name",
        "--tool-success-column", "tool_success", "--metadata-column", "metadata");

    try (ConvoStore store = store()) {
      List<Message> messages = history(store, ADA, MemoryIds.conversationId("agent_messages", ADA, "7"));
      assertEquals(List.of(MessageRole.SYSTEM, MessageRole.USER, MessageRole.TOOL, MessageRole.TOOL, MessageRole.ASSISTANT),
          messages.stream().map(Message::role).toList());
      assertEquals(JsonObject.of("channel", "web"), messages.get(1).metadata());
      assertEquals(MessageKind.TOOL_RESULT, messages.get(2).kind());
      assertEquals(ToolOutcome.FAILURE, messages.get(2).toolResult().orElseThrow().outcome());
      assertEquals(ToolOutcome.SUCCESS, messages.get(3).toolResult().orElseThrow().outcome());
      assertEquals("(no text)", messages.get(4).content());
      assertEquals(Instant.ofEpochSecond(1772000004), messages.get(4).createdAt());
      assertEquals(Map.of(ToolOutcome.FAILURE, 1L, ToolOutcome.SUCCESS, 1L, ToolOutcome.ERROR, 0L),
          store.history().toolUsage(ADA, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).get(0).outcomes());
    }
  }

  @Test
  void whatTheSourceLacksOrHoldsWronglyIsRefusedByNameAndNothingIsStored() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("bad.db");
    execute(url, Map.of(), "CREATE TABLE log (chat TEXT, who TEXT, body TEXT, at TEXT)",
        "INSERT INTO log VALUES ('c1', 'robot', 'beep', '2026-01-01T00:00:00Z')");
    List<String> base = List.of("--user", "ada", "import-table", "--from", url, "--conversation-column", "chat",
        "--role-column", "who", "--content-column", "body");

    assertRefused(run(base, "--table", "log", "--time-column", "created"), "log has no column created");
    assertRefused(run(base, "--table", "log", "--time-column", "at"), "is 'robot' in conversation c1");
    assertRefused(run(base, "--table", "log"), "a time column or an order column is needed");
    assertRefused(run(base, "--query", "SELECT * FROM log; DROP TABLE log", "--namespace", "x", "--time-column", "at"),
        "must be a table name, optionally with its schema, or one SELECT or WITH query");
    assertRefused(run(base, "--query", "SELECT * FROM log", "--time-column", "at"), "--namespace");
    CliRun missing = run(base, "--table", "nowhere", "--time-column", "at");
    assertRefused(missing, "nowhere cannot be read");
    assertFalse(missing.err().contains("SELECT"), "no SQL text reaches the user: " + missing.err());
    try (ConvoStore store = store()) {
      assertTrue(store.conversations().list(ListConversations.of(ADA, 10)).conversations().isEmpty());
    }
  }

  private CliRun run(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    return CliRun.run(directory, args.toArray(String[]::new));
  }

  /** Imports twice: the first stores what it should, the second nothing, and the store's export stays the same. */
  private void importTwice(Map<String, String> environment, int conversations, int messages, String... options)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--json"));
    List<String> command = new ArrayList<>(List.of(options));
    int user = command.indexOf("--user");
    if (user >= 0) {
      args.addAll(command.subList(user, user + 2));
      command.subList(user, user + 2).clear();
    }
    args.add("import-table");
    args.addAll(command);
    JsonNode first = CliRun.run(directory, environment, "", args.toArray(String[]::new)).json();
    assertEquals(conversations, first.get("conversations").asInt(), first.toString());
    assertEquals(messages, first.get("messages").asInt());
    assertOk(CliRun.run(directory, "export", "--all", "-o", "first.jsonl"));

    JsonNode second = CliRun.run(directory, environment, "", args.toArray(String[]::new)).json();
    assertEquals(0, second.get("conversations").asInt());
    assertEquals(conversations, second.get("unchanged").asInt());
    assertOk(CliRun.run(directory, "export", "--all", "-o", "second.jsonl"));
    assertEquals(Files.readString(directory.resolve("first.jsonl")), Files.readString(directory.resolve("second.jsonl")),
        "the second run changed nothing");
  }

  private ConvoStore store() {
    return ConvoStore.open("jdbc:sqlite:" + directory.resolve("convostore.db"));
  }

  private static List<Message> history(ConvoStore store, UserId user, ConversationId id) {
    return store.history().history(user, id, HistoryRequest.after(0, 100));
  }

  private static List<String> lines(List<Message> messages) {
    return messages.stream().map(message -> message.role() + " " + message.content()).toList();
  }

  private static void execute(String url, Map<String, String> login, String... statements) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(login);
    try (Connection connection = DriverManager.getConnection(url, properties);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
