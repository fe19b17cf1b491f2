package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SchemaVersions;
import dev.convostore.sql.SqlSettings;
import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresMigrationTest {

  private static final UserId ALICE = UserId.of("alice");

  private String schema;

  @BeforeEach
  void newSchema() {
    schema = TestPostgres.newSchema();
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
  }

  private Storage open(Map<String, String> properties) {
    return TestPostgres.openIn(schema, properties);
  }

  private void openAndClose() {
    open(Map.of()).close();
  }

  private SchemaVersions versions() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(TestPostgres.url(schema));
    return PostgresDatabase.versions(dataSource, TestPostgres.placement());
  }

  /** Every column, constraint, index and function of the schema, as the catalog describes them. */
  private List<String> schemaObjects() throws SQLException {
    String catalog = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
               || ' ' || coalesce(column_default, '') || ' ' || coalesce(generation_expression, '')
        FROM information_schema.columns WHERE table_schema = ?
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = to_regnamespace(?)
        UNION ALL
        SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = ?
        UNION ALL
        SELECT 'function ' || proname || '(' || pg_get_function_arguments(oid) || ') ' || prosrc
        FROM pg_proc WHERE pronamespace = to_regnamespace(?)
        ORDER BY 1
        """;
    List<String> objects = new ArrayList<>();
    try (Connection connection = TestPostgres.admin(); PreparedStatement query = connection.prepareStatement(catalog)) {
      for (int i = 1; i <= 4; i++) {
        query.setString(i, schema);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          objects.add(rows.getString(1));
        }
      }
    }
    return objects;
  }

  @Test
  void theServerIsPostgresql18UnlessAnotherWasNamed() throws SQLException {
    try (Connection connection = TestPostgres.admin()) {
      int major = connection.getMetaData().getDatabaseMajorVersion();
      if (System.getenv(TestPostgres.URL_VARIABLE) == null) {
        assertEquals(18, major);
      }
      assertTrue(major >= 14, "PostgreSQL " + major);
    }
  }

  @Test
  void aFreshSchemaIsMigratedWhenTheStoreOpens() throws SQLException {
    openAndClose();

    assertEquals("8", versions().current());
    String objects = String.join("\n", schemaObjects());
    for (String table : List.of("conversations", "agent_states", "messages", "context_items", SchemaVersions.HISTORY_TABLE)) {
      assertTrue(objects.contains("column " + table + "."), () -> table + " missing from\n" + objects);
    }
  }

  @Test
  void reopeningAppliesNothing() throws SQLException {
    openAndClose();
    List<String> before = schemaObjects();

    openAndClose();

    assertEquals(0, versions().migrate());
    assertEquals(before, schemaObjects());
  }

  @Test
  void rollingBackAndMigratingAgainGivesAnIdenticalSchema() throws SQLException {
    openAndClose();
    List<String> migrated = schemaObjects();

    assertEquals(8, versions().rollbackTo("0"));
    assertEquals("0", versions().current());
    List<String> rolledBack = schemaObjects();
    assertTrue(rolledBack.stream().allMatch(object -> object.contains(SchemaVersions.HISTORY_TABLE)),
        () -> "only the history table is left: " + rolledBack);

    assertEquals(8, versions().apply());
    assertEquals(migrated, schemaObjects());
    // with migrations off the store checks the tables' placement (on Citus: distributed again)
    try (Storage storage = open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("works again"));
      assertEquals(1, store.history().search(ALICE, "again", 10).size());
    }
  }

  @Test
  void aSchemaNewerThanThisVersionKnowsIsRefused() {
    openAndClose();
    TestPostgres.execute("INSERT INTO " + schema + "." + SchemaVersions.HISTORY_TABLE
        + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
        + " VALUES (9, '9', 'from a later release', 'SQL', 'V9__from_a_later_release.sql', 0, 'test', 1, true)");

    for (Map<String, String> properties : List.of(Map.<String, String>of(), Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      StoreFailureException refused = assertThrows(StoreFailureException.class, () -> open(properties));
      assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, refused.kind());
      assertTrue(refused.getMessage().contains("version 9, newer than this version of convostore knows (8)"),
          refused.getMessage());
      assertFalse(refused.retryable());
    }
  }

  @Test
  void withMigrationsOffAnOutdatedOrEmptySchemaIsRefused() {
    StoreFailureException empty = assertThrows(StoreFailureException.class,
        () -> open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false")));
    assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, empty.kind());

    openAndClose();
    versions().rollbackTo("0");
    StoreFailureException outdated = assertThrows(StoreFailureException.class,
        () -> open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false")));
    assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, outdated.kind());
    assertTrue(outdated.getMessage().contains("at version 0 and this version of convostore needs 8"), outdated.getMessage());
  }

  @Test
  void theScriptsRunWithTheHostsOwnToolAreAcceptedWithMigrationsOff() throws URISyntaxException {
    File[] scripts = new File(Objects.requireNonNull(
        getClass().getClassLoader().getResource(SchemaVersions.location("postgres"))).toURI()).listFiles();
    java.util.Arrays.sort(Objects.requireNonNull(scripts),
        java.util.Comparator.comparingInt(script -> Integer.parseInt(script.getName().replaceAll("^V(\\d+)__.*", "$1"))));
    for (File script : scripts) {
      TestPostgres.execute("SET search_path TO " + schema + "; "
          + SchemaVersions.read(SchemaVersions.location("postgres") + "/" + script.getName()));
    }
    if (TestPostgres.distributed()) {
      StoreFailureException notDistributed = assertThrows(StoreFailureException.class,
          () -> open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false")));
      assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, notDistributed.kind());
      assertTrue(notDistributed.getMessage().contains("conversations is not distributed"), notDistributed.getMessage());
      TestPostgres.execute("SET search_path TO " + schema + "; " + CitusDistributionTest.BY_HAND);
    }

    try (Storage storage = open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      assertEquals(ALICE, store.conversations().start(StartConversation.by(ALICE)).owner());
    }
  }

  @Test
  void aRetryByMessageIdFindsTheMessageBeforeAndAfterVersion6KeysTheIdIndexIdFirst() throws SQLException {
    Conversation conversation;
    Message first;
    try (Storage storage = open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      conversation = store.conversations().start(StartConversation.by(ALICE));
      first = store.messages().append(ALICE, conversation.id(), NewMessage.user("first"));
      store.messages().append(ALICE, conversation.id(), NewMessage.assistant("second"));
    }

    assertEquals(3, versions().rollbackTo("5"));
    String undone = String.join("\n", schemaObjects());
    assertTrue(undone.contains(".messages messages_client_id UNIQUE (conversation_id, id)"), undone);

    assertEquals(3, versions().apply());
    String migrated = String.join("\n", schemaObjects());
    assertTrue(migrated.contains(".messages messages_client_id UNIQUE (id, conversation_id)"), migrated);
    try (Storage storage = open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      assertEquals(first, store.messages().append(ALICE, conversation.id(), NewMessage.user("first").withId(first.id())));
      assertEquals(List.of("first", "second"), store.history().history(ALICE, conversation.id(), HistoryRequest.last(10))
          .stream().map(Message::content).toList());
    }
  }

  @Test
  void searchFindsTheSameMessagesBeforeAndAfterVersion7KeepsTheWordsAsText() throws SQLException {
    Map<String, List<Message>> found = new HashMap<>();
    List<String> searches = List.of("oslo", "weather oslo", "café", "late trains", "zeppelin");
    try (Storage storage = open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("The weather in Oslo is cold, isn't it?"));
      store.messages().append(ALICE, conversation.id(), NewMessage.assistant("Trains in Oslo run late; the café is open."));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("-- !!"));
      for (String search : searches) {
        found.put(search, store.history().search(ALICE, search, 10));
      }
    }
    assertEquals(2, found.get("oslo").size());
    assertEquals(1, found.get("late trains").size());

    assertEquals(2, versions().rollbackTo("6"));
    assertEquals(List.of(2L, 1L, 0L), List.of(
        matches("oslo"),
        matches("late & trains"),
        matches("zeppelin")),
        "version 6's vectors hold the words again");

    assertEquals(2, versions().apply());
    String migrated = String.join("\n", schemaObjects());
    assertTrue(migrated.contains("column messages.words text"), migrated);
    try (Storage storage = open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      for (String search : searches) {
        assertEquals(found.get(search), store.history().search(ALICE, search, 10), search);
      }
    }
  }

  @Test
  void version8RefusesTheRowsThatTheSeparateChecksRefusedAndNoOther() throws SQLException {
    Conversation conversation;
    try (Storage storage = open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("hello"));
    }
    String ofConversation = " WHERE id = '" + conversation.id() + "'";
    String ofMessage = " WHERE conversation_id = '" + conversation.id() + "' AND seq = 1";
    List<String> breakingOneRuleEach = List.of(
        "UPDATE conversations SET owner = ''" + ofConversation,
        "UPDATE conversations SET title = ''" + ofConversation,
        "UPDATE conversations SET updated_at = '2001-01-01T00:00:00Z'" + ofConversation,
        "UPDATE conversations SET message_count = -1" + ofConversation,
        "UPDATE conversations SET message_count = last_seq + 1" + ofConversation,
        "UPDATE conversations SET metadata = '[]'" + ofConversation,
        "UPDATE conversations SET version = 0" + ofConversation,
        "UPDATE messages SET seq = 0" + ofMessage,
        "UPDATE messages SET owner = ''" + ofMessage,
        "UPDATE messages SET role = 'robot'" + ofMessage,
        "UPDATE messages SET kind = 'picture'" + ofMessage,
        "UPDATE messages SET role = 'assistant', kind = 'tool_call'" + ofMessage,
        "UPDATE messages SET role = 'assistant', kind = 'tool_call', tool_calls = '[]'" + ofMessage,
        "UPDATE messages SET kind = 'tool_call', tool_calls = '[{\"name\": \"x\"}]'" + ofMessage,
        "UPDATE messages SET tool_result = '{}'" + ofMessage,
        "UPDATE messages SET role = 'tool', kind = 'tool_result', tool_result = '[]'" + ofMessage,
        "UPDATE messages SET kind = 'tool_result', tool_result = '{}'" + ofMessage,
        "UPDATE messages SET metadata = '\"x\"'" + ofMessage);
    List<String> keepingTheRules = List.of(
        "UPDATE conversations SET title = 'Trip', metadata = '{\"a\": 1}'" + ofConversation,
        "UPDATE messages SET role = 'assistant', kind = 'tool_call', tool_calls = '[{\"name\": \"x\"}]'" + ofMessage,
        "UPDATE messages SET role = 'tool', kind = 'tool_result', tool_calls = NULL, tool_result = '{}'" + ofMessage);

    for (String version : List.of("8", "7")) {
      versions().rollbackTo(version);
      for (String statement : breakingOneRuleEach) {
        assertEquals("23514", stateOf(statement), () -> "at version " + version + ": " + statement);
      }
    }
    assertEquals(1, versions().apply());
    for (String statement : keepingTheRules) {
      assertEquals(null, stateOf(statement), statement);
    }
  }

  /** The SQLSTATE with which the statement fails in the schema, or null when it succeeds. */
  private String stateOf(String statement) throws SQLException {
    try (Connection connection = TestPostgres.admin(); Statement run = connection.createStatement()) {
      run.execute("SET search_path TO " + schema);
      run.execute(statement);
      return null;
    } catch (SQLException refused) {
      return refused.getSQLState();
    }
  }

  /** How many messages version 6's search vectors match with {@code query}. */
  private long matches(String query) throws SQLException {
    try (Connection connection = TestPostgres.admin();
        PreparedStatement count = connection.prepareStatement(
            "SELECT count(*) FROM " + schema + ".messages WHERE search @@ CAST(? AS tsquery)")) {
      count.setString(1, query);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void everyMigrationShipsItsUndoScript() throws URISyntaxException {
    File[] migrations = new File(Objects.requireNonNull(
        getClass().getClassLoader().getResource(SchemaVersions.location("postgres"))).toURI()).listFiles();
    assertTrue(migrations != null && migrations.length > 0);
    for (File migration : migrations) {
      assertTrue(migration.getName().matches("V\\d+__\\w+\\.sql"), migration.getName());
      String undo = SchemaVersions.location("postgres") + "-undo" + "/U" + migration.getName().substring(1);
      assertTrue(getClass().getClassLoader().getResource(undo) != null, "missing " + undo);
    }
  }
}
