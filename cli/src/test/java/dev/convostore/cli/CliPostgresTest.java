package dev.convostore.cli;

import static dev.convostore.cli.CliRun.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's round trip on PostgreSQL: the embedded server, or the server {@code
 * CONVOSTORE_TEST_PG_URL} names; with {@code CONVOSTORE_TEST_PG_DISTRIBUTE=citus} (the {@code citus}
 * profile) that server is a Citus coordinator, {@code migrate distribute} distributes the tables
 * and every command runs with {@code convostore.distribute=citus}.
 */
class CliPostgresTest {

  private static final String WEATHER = "019b8a1c-0001-7000-8000-000000000000";
  private static final boolean DISTRIBUTED = "citus".equals(System.getenv("CONVOSTORE_TEST_PG_DISTRIBUTE"));

  private static EmbeddedPostgres embedded;
  private static String server;
  private static final List<String> SCHEMAS = new ArrayList<>();

  @TempDir Path directory;

  @BeforeAll
  static void startServer() throws IOException {
    String external = System.getenv("CONVOSTORE_TEST_PG_URL");
    if (external != null && !external.isBlank()) {
      server = external.strip();
    } else {
      embedded = EmbeddedPostgres.builder().start();
      server = embedded.getJdbcUrl("postgres", "postgres");
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    for (String schema : SCHEMAS) {
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The URL of a new, empty schema. */
  private static String newStore() throws SQLException {
    String schema = "cli_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE SCHEMA " + schema);
    SCHEMAS.add(schema);
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private CliRun run(String... args) {
    return CliRun.run(directory, args);
  }

  /** How many of the schema's tables the cluster distributes by conversation, co-located. */
  private static int distributedTables(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement query = connection.prepareStatement("""
            SELECT count(*) FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
            WHERE c.relnamespace = to_regnamespace(current_schema) AND p.partmethod = 'h'
              AND column_to_column_name(p.logicalrelid, p.partkey) IN ('id', 'conversation_id')
              AND p.colocationid = (SELECT colocationid FROM pg_dist_partition
                                    WHERE logicalrelid = to_regclass('conversations'))
            """);
        ResultSet result = query.executeQuery()) {
      result.next();
      return result.getInt(1);
    }
  }

  @Test
  void everyCommandRoundTripsThroughPostgresql() throws Exception {
    String store = newStore();
    String other = newStore();
    if (DISTRIBUTED) {
      assertEquals(8, run("--db", store, "--json", "migrate", "distribute").json().get("applied").asInt(),
          "every schema version");
      assertEquals(0, run("--db", store, "--json", "migrate", "distribute").json().get("applied").asInt(),
          "distributing again changes nothing");
      assertEquals(5, distributedTables(store));
      // every later command, in both schemas, opens its store distributed
      Files.writeString(directory.resolve("convostore.properties"), "convostore.distribute=citus\n");
    }

    CliRun demo = run("--db", store, "demo");
    assertOk(demo);
    assertTrue(demo.out().contains("4 conversations, 21 messages, 4 context items"), demo.out());
    assertEquals(2, run("--db", store, "--user", "ada", "--json", "list").json().get("conversations").size());
    assertEquals(7, run("--db", store, "--user", "ada", "--json", "show", WEATHER).json().get("messages").size());
    JsonNode appended = run("--db", store, "--user", "ada", "--json", "append", WEATHER, "Snow in Oslo again?").json();
    assertEquals(8, appended.get("sequence").asInt());
    assertEquals(8, run("--db", store, "--user", "ada", "--json", "search", "snow", "oslo").json().get(0)
        .get("sequence").asInt());
    assertEquals(1, run("--db", store, "--user", "ada", "--json", "stats", WEATHER).json().get("tools").size());

    assertOk(run("--db", store, "export", "--all", "-o", "first.jsonl"));
    assertEquals(22, run("--db", other, "--json", "import", "first.jsonl").json().get("messages").asInt());
    assertOk(run("--db", other, "export", "--all", "-o", "second.jsonl"));
    assertEquals(Files.readString(directory.resolve("first.jsonl")), Files.readString(directory.resolve("second.jsonl")));
    if (DISTRIBUTED) {
      assertEquals(5, distributedTables(other), "the store the import opened distributed its tables");
    }

    JsonNode erased = run("--db", store, "--user", "grace", "--json", "erase-user", "--yes").json();
    assertEquals(1, erased.get("conversations").asInt());
    assertEquals(5, erased.get("messages").asInt());
    JsonNode trimmed = run("--db", store, "--json", "retention", "--keep-last", "2", "--yes").json();
    assertEquals(6 + 4 + 1 + 1, trimmed.get("messagesDeleted").asInt(), "ada's 8 and 6, linus's 3: two kept of each");
    assertEquals(5, run("--db", store, "export", "--all").out().lines().count(), "header, 3 conversations, end");
  }
}
