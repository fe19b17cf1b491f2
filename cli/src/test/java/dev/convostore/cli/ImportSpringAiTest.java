package dev.convostore.cli;

import static dev.convostore.cli.CliRun.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.SpringAiChatMemory;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.Message;
import dev.convostore.domain.UserId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.PostgresChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.SqliteChatMemoryRepositoryDialect;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/** {@code import-spring-ai} reads tables that Spring AI's own JDBC repository wrote. */
class ImportSpringAiTest {

  private static final UserId ADA = UserId.of("ada");

  @TempDir Path directory;

  @Test
  void importsWhatSpringAisRepositoryWroteToSqliteOnceHoweverOftenItRuns() throws Exception {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + directory.resolve("app.db"));
    createTable(source, "schema-sqlite.sql");
    writeWithSpringAi(new JdbcTemplate(source), new SqliteChatMemoryRepositoryDialect());
    importTwiceAndCheck(Map.of(), "jdbc:sqlite:" + directory.resolve("app.db"));
  }

  @Test
  void importsWhatSpringAisRepositoryWroteToPostgresWithThePasswordFromTheEnvironment() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      DataSource source = server.getPostgresDatabase();
      createTable(source, "schema-postgresql.sql");
      writeWithSpringAi(new JdbcTemplate(source), new PostgresChatMemoryRepositoryDialect());
      String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
      importTwiceAndCheck(Map.of("CONVOSTORE_SOURCE_PASSWORD", "postgres"), url, "--from-user", "postgres");
    }
  }

  @Test
  void importsTheOlderSchemaWithoutSequenceNumbersInTimestampOrder() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("old.db");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE SPRING_AI_CHAT_MEMORY (conversation_id TEXT NOT NULL, content TEXT NOT NULL,"
          + " type TEXT NOT NULL, timestamp INTEGER NOT NULL)");
      statement.execute("INSERT INTO SPRING_AI_CHAT_MEMORY VALUES ('old', 'second', 'ASSISTANT', 2000),"
          + " ('old', 'first', 'USER', 1000)");
    }
    assertOk(CliRun.run(directory, "--user", "ada", "import-spring-ai", "--from", url));
    try (ConvoStore store = ConvoStore.open("jdbc:sqlite:" + directory.resolve("convostore.db"))) {
      List<Message> messages = history(store, "old");
      assertEquals(List.of("first", "second"), messages.stream().map(Message::content).toList());
      assertEquals(1000, messages.get(0).createdAt().toEpochMilli());
    }
  }

  @Test
  void aTableThatIsNotSpringAisIsRefusedByName() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("other.db");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE notes (id INTEGER, body TEXT)");
    }
    CliRun wrong = CliRun.run(directory, "import-spring-ai", "--from", url, "--table", "notes");
    assertEquals(Cli.REFUSED, wrong.exitCode());
    assertTrue(wrong.err().contains("notes has no column conversation_id"), wrong.err());
    CliRun missing = CliRun.run(directory, "import-spring-ai", "--from", url);
    assertEquals(Cli.REFUSED, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains("SPRING_AI_CHAT_MEMORY cannot be read"), missing.err());
    assertFalse(missing.err().contains("SELECT"), "no SQL text reaches the user: " + missing.err());
    CliRun noFile = CliRun.run(directory, "import-spring-ai", "--from", "jdbc:sqlite:" + directory.resolve("typo.db"));
    assertEquals(Cli.RETRYABLE, noFile.exitCode(), noFile.err());
    assertFalse(java.nio.file.Files.exists(directory.resolve("typo.db")), "a wrong path creates no file");
    CliRun hostile = CliRun.run(directory, "import-spring-ai", "--from", url, "--table", "notes; DROP TABLE notes");
    assertEquals(Cli.REFUSED, hostile.exitCode());
  }

  private void importTwiceAndCheck(Map<String, String> environment, String... from) {
    List<String> command = new java.util.ArrayList<>(List.of("--user", "ada", "--json", "import-spring-ai", "--from"));
    command.addAll(List.of(from));
    String[] args = command.toArray(String[]::new);
    JsonNode first = CliRun.run(directory, environment, "", args).json();
    assertEquals(2, first.get("conversations").asInt());
    assertEquals(5, first.get("messages").asInt());
    JsonNode second = CliRun.run(directory, environment, "", args).json();
    assertEquals(0, second.get("conversations").asInt());
    assertEquals(2, second.get("unchanged").asInt());
    try (ConvoStore store = ConvoStore.open("jdbc:sqlite:" + directory.resolve("convostore.db"))) {
      assertEquals(List.of("SYSTEM be brief", "USER What is the capital of Peru?", "ASSISTANT Lima."),
          history(store, "trip").stream().map(message -> message.role() + " " + message.content()).toList());
      assertEquals(List.of("USER hello", "ASSISTANT hi"),
          history(store, "greeting").stream().map(message -> message.role() + " " + message.content()).toList());
      assertEquals(new JsonString("trip"), store.conversations()
          .get(ADA, SpringAiChatMemory.conversationId(ADA, "trip")).metadata()
          .get(SpringAiChatMemory.CONVERSATION_ID).orElseThrow());
    }
  }

  private static List<Message> history(ConvoStore store, String springAiId) {
    return store.history().history(ADA, SpringAiChatMemory.conversationId(ADA, springAiId), HistoryRequest.after(0, 100));
  }

  private static void writeWithSpringAi(JdbcTemplate jdbc, org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepositoryDialect dialect) {
    JdbcChatMemoryRepository springAi = JdbcChatMemoryRepository.builder().jdbcTemplate(jdbc).dialect(dialect).build();
    springAi.saveAll("trip", List.of(new SystemMessage("be brief"), new UserMessage("What is the capital of Peru?"),
        new AssistantMessage("Lima.")));
    springAi.saveAll("greeting", List.of(new UserMessage("hello"), new AssistantMessage("hi")));
  }

  private static void createTable(DataSource source, String script) throws Exception {
    String sql;
    try (var in = JdbcChatMemoryRepository.class.getResourceAsStream(script)) {
      sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      for (String one : sql.split(";")) {
        if (!one.isBlank()) {
          statement.execute(one);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
