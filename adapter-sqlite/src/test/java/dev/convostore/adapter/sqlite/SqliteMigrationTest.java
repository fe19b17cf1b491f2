package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.SchemaMigration;
import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SchemaVersions;
import dev.convostore.sql.SqlSettings;
import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteMigrationTest {

  private static final UserId ALICE = UserId.of("alice");

  @RegisterExtension final SqliteFile file = new SqliteFile();

  private void openAndClose() {
    file.open(Map.of()).close();
  }

  private SchemaVersions schema() {
    SqliteSettings settings = SqliteSettings.from(new StoreSettings(file.url(), StoreLimits.DEFAULTS, Map.of()));
    return SqliteSchema.versions(SqliteDatabase.dataSource(settings));
  }

  /** Every table, index, trigger and view, with the SQL that made it. */
  private List<String> schemaObjects() throws SQLException {
    List<String> objects = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(file.url());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")) {
      while (rows.next()) {
        objects.add(rows.getString(1) + " " + rows.getString(2) + " on " + rows.getString(3) + ": " + rows.getString(4));
      }
    }
    return objects;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(file.url()); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void aFreshDatabaseIsMigratedWhenTheStoreOpens() throws SQLException {
    openAndClose();

    assertEquals("9", schema().current());
    String objects = String.join("\n", schemaObjects());
    for (String table : List.of("conversations", "agent_states", "messages", "message_search", "search_progress", "context_items",
        SchemaVersions.HISTORY_TABLE)) {
      assertTrue(objects.contains("table " + table + " "), () -> table + " missing from\n" + objects);
    }
  }

  @Test
  void reopeningAppliesNothing() throws SQLException {
    openAndClose();
    List<String> before = schemaObjects();

    openAndClose();

    assertEquals(0, schema().migrate());
    assertEquals(before, schemaObjects());
  }

  @Test
  void rollingBackAndMigratingAgainGivesAnIdenticalSchema() throws SQLException {
    openAndClose();
    List<String> migrated = schemaObjects();

    assertEquals(9, schema().rollbackTo("0"));
    assertEquals("0", schema().current());
    List<String> rolledBack = schemaObjects();
    assertTrue(rolledBack.stream().allMatch(object -> object.contains(" on " + SchemaVersions.HISTORY_TABLE + ":")),
        () -> "only the history table is left: " + rolledBack);

    assertEquals(9, schema().migrate());
    assertEquals(migrated, schemaObjects());
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("works again"));
      assertEquals(1, store.history().search(ALICE, "again", 10).size());
    }
  }

  @Test
  void rollingBackToTheCurrentVersionDoesNothing() throws SQLException {
    openAndClose();
    List<String> migrated = schemaObjects();

    assertEquals(0, schema().rollbackTo("9"));
    assertEquals(migrated, schemaObjects());
  }

  @Test
  void aSchemaNewerThanThisVersionKnowsIsRefused() throws SQLException {
    openAndClose();
    execute("INSERT INTO " + SchemaVersions.HISTORY_TABLE
        + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
        + " VALUES (10, '10', 'from a later release', 'SQL', 'V10__from_a_later_release.sql', 0, 'test', 1, 1)");

    for (Map<String, String> properties : List.of(Map.<String, String>of(), Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      StoreFailureException refused = assertThrows(StoreFailureException.class, () -> file.open(properties));
      assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, refused.kind());
      assertTrue(refused.getMessage().contains("version 10, newer than this version of convostore knows (9)"),
          refused.getMessage());
      assertFalse(refused.retryable());
    }
    List<SchemaMigration.State> expected = new ArrayList<>(Collections.nCopies(9, SchemaMigration.State.APPLIED));
    expected.add(SchemaMigration.State.NEWER_THAN_KNOWN);
    assertEquals(expected, states(schema()));
  }

  @Test
  void withMigrationsOffAnOutdatedSchemaIsRefused() {
    openAndClose();
    schema().rollbackTo("0");

    StoreFailureException refused = assertThrows(StoreFailureException.class,
        () -> file.open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false")));

    assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, refused.kind());
    assertTrue(refused.getMessage().contains("at version 0 and this version of convostore needs 9"), refused.getMessage());
  }

  @Test
  void withMigrationsOffAnEmptyFileIsRefusedAndLeftUntouched() throws SQLException {
    StoreFailureException refused = assertThrows(StoreFailureException.class,
        () -> file.open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false")));

    assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, refused.kind());
    assertEquals(List.of(), schemaObjects());
  }

  @Test
  void withMigrationsOffTablesMadeByTheHostsOwnToolAreAccepted() throws SQLException {
    openAndClose();
    execute("DROP TABLE " + SchemaVersions.HISTORY_TABLE); // as if the host ran the scripts with its own Flyway

    try (Storage storage = file.open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      assertEquals("alice", store.conversations().start(StartConversation.by(ALICE)).owner().value());
    }
    assertTrue(schemaObjects().stream().noneMatch(object -> object.contains(SchemaVersions.HISTORY_TABLE)));
  }

  @Test
  void theProviderReportsAppliesAndUndoesMigrations() {
    SchemaMigrations migrations = new SqliteStorageProvider()
        .migrations(new StoreSettings(file.url(), StoreLimits.DEFAULTS, Map.of())).orElseThrow();

    assertEquals(Collections.nCopies(9, SchemaMigration.State.PENDING),
        states(migrations));
    assertEquals(9, migrations.apply());
    SchemaMigration applied = migrations.status().get(0);
    assertEquals("1", applied.version());
    assertEquals("conversations messages context items", applied.description());
    assertEquals(SchemaMigration.State.APPLIED, applied.state());
    assertTrue(applied.appliedAt().isPresent());
    assertEquals(9, migrations.rollbackTo("0"));
    assertEquals(Collections.nCopies(9, SchemaMigration.State.PENDING),
        states(migrations));
  }

  @Test
  void undoingTheBatchedSearchIndexMovesTheQueuedWordsIntoTheIndex() throws SQLException {
    int messages = SqliteMessages.INDEX_BATCH + 3; // a batch indexed, three queued
    Conversation conversation = aliceSays(messages, i -> "zebra " + i);

    assertEquals(8, schema().rollbackTo("1"));
    assertEquals(messages, count("SELECT count(*) FROM message_search WHERE words MATCH 'zebra'"));

    assertEquals(8, schema().migrate());
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      assertEquals(messages, store.history().search(ALICE, "zebra", 1_000).size());
      store.conversations().delete(ALICE, conversation.id());
      assertEquals(List.of(), store.history().search(ALICE, "zebra", 1_000));
    }
    assertEquals(0, count("SELECT count(*) FROM message_search"));
  }

  @Test
  void searchFindsTheSameMessagesBeforeAndAfterItsTermsCarryTheirOwner() throws SQLException {
    UserId bob = UserId.of("bob");
    List<String> queries = List.of("zebra", "café", "zebra 42", "naïve", "nothing");
    Map<String, List<Message>> before = new java.util.HashMap<>();
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      for (UserId owner : List.of(ALICE, bob)) {
        Conversation conversation = store.conversations().start(StartConversation.by(owner));
        for (int i = 0; i < SqliteMessages.INDEX_BATCH + 5; i++) { // a batch indexed, some queued
          store.messages().append(owner, conversation.id(),
              NewMessage.user("Zebra " + i + (i % 3 == 0 ? " au Café, naïve" : "") + " " + owner.value()));
        }
      }
      for (UserId owner : List.of(ALICE, bob)) {
        for (String query : queries) {
          before.put(owner.value() + ":" + query, store.history().search(owner, query, 1_000));
        }
      }
    }
    assertEquals(SqliteMessages.INDEX_BATCH + 5, before.get("alice:zebra").size());
    assertEquals(List.of(), before.get("alice:nothing"));
    // at version 3 a user's term holds that user's messages only
    assertEquals(SqliteMessages.INDEX_BATCH + 5, count("SELECT count(*) FROM message_search WHERE words MATCH '"
        + SqliteSearchWords.query(ALICE, dev.convostore.domain.SearchTerms.parse("zebra")) + "'"));

    assertEquals(7, schema().rollbackTo("2"));
    assertEquals(2L * (SqliteMessages.INDEX_BATCH + 5), count("SELECT count(*) FROM message_search WHERE words MATCH 'zebra'"));
    assertEquals(0, count("SELECT count(*) FROM search_pending"));

    assertEquals(7, schema().migrate());
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      for (UserId owner : List.of(ALICE, bob)) {
        for (String query : queries) {
          assertEquals(before.get(owner.value() + ":" + query), store.history().search(owner, query, 1_000),
              () -> owner + " searching " + query);
        }
      }
    }
  }

  @Test
  void searchFindsTheSameMessagesBeforeAndAfterItsIndexHoldsOwnerAndTime() throws SQLException {
    UserId bob = UserId.of("bob");
    List<MessageFilter> filters = List.of(MessageFilter.NONE, MessageFilter.NONE.withRoles(MessageRole.ASSISTANT));
    Map<String, List<Message>> before = new java.util.HashMap<>();
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      for (UserId owner : List.of(ALICE, bob)) {
        List<Conversation> conversations = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
          conversations.add(store.conversations().start(StartConversation.by(owner)));
        }
        for (int i = 0; i < 30; i++) { // the conversations take turns; a batch of words indexed, some queued
          for (Conversation conversation : conversations) {
            store.messages().append(owner, conversation.id(), i % 2 == 0
                ? NewMessage.user("zebra " + i) : NewMessage.assistant("zebra answer " + i));
          }
        }
      }
      for (UserId owner : List.of(ALICE, bob)) {
        for (int f = 0; f < filters.size(); f++) {
          before.put(owner.value() + f, store.history().search(owner, "zebra", filters.get(f), 20));
        }
      }
    }
    assertEquals(20, before.get("alice0").size());

    assertEquals(3, schema().rollbackTo("6"));
    List<String> objects = schemaObjects();
    assertTrue(objects.stream().anyMatch(object -> object.startsWith("index messages_by_search_rowid ")
        && object.contains("CREATE UNIQUE INDEX messages_by_search_rowid ON messages (search_rowid)")), () -> String.join("\n", objects));

    assertEquals(3, schema().migrate());
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      for (UserId owner : List.of(ALICE, bob)) {
        for (int f = 0; f < filters.size(); f++) {
          assertEquals(before.get(owner.value() + f), store.history().search(owner, "zebra", filters.get(f), 20),
              owner + " searching with filter " + f);
        }
      }
    }
  }

  @Test
  void searchFindsEveryMessageAfterWaitingWordsMoveFromTheQueueIntoTheirMessagesAndBack() throws SQLException {
    int messages = SqliteMessages.INDEX_BATCH + 5; // a batch indexed, five waiting
    Conversation conversation = aliceSays(messages, i -> "zebra " + i + (i % 2 == 0 ? " café" : ""));
    assertEquals(5, count("SELECT count(*) FROM messages WHERE search_rowid > (SELECT indexed_through FROM search_progress)"));

    // Version 8 queues the waiting words under their messages' search rowids, as its appends did.
    assertEquals(1, schema().rollbackTo("8"));
    assertEquals(messages - 5, count("SELECT count(*) FROM message_search"));
    assertEquals(5, count("SELECT count(*) FROM search_pending p JOIN messages m ON m.search_rowid = p.rowid"
        + " WHERE p.words LIKE '%zebra %'"));

    // Version 9 puts the queued words into the index: every message is found.
    assertEquals(1, schema().migrate());
    assertEquals(messages, count("SELECT count(*) FROM message_search"));
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      List<Message> all = store.history().history(ALICE, conversation.id(), HistoryRequest.after(0, messages));
      assertEquals(ids(all), ids(store.history().search(ALICE, "zebra", 1_000)));
      assertEquals(ids(all.stream().filter(m -> m.content().endsWith("café")).toList()),
          ids(store.history().search(ALICE, "café zebra", 1_000)));
      assertEquals(ids(all.subList(3, 4)), ids(store.history().search(ALICE, "zebra 3", 1_000)));
      store.conversations().delete(ALICE, conversation.id());
      assertEquals(List.of(), store.history().search(ALICE, "zebra", 1_000));
    }
    assertEquals(0, count("SELECT count(*) FROM message_search"));
  }

  /** A new conversation of Alice's holding {@code messages} user messages, the i-th saying {@code text}(i). */
  private Conversation aliceSays(int messages, IntFunction<String> text) {
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      for (int i = 0; i < messages; i++) {
        store.messages().append(ALICE, conversation.id(), NewMessage.user(text.apply(i)));
      }
      return conversation;
    }
  }

  private static Set<MessageId> ids(List<Message> messages) {
    return messages.stream().map(Message::id).collect(Collectors.toSet());
  }

  @Test
  void titlesOf255CharactersComeWithVersion5AndAreCutTo200ByItsUndo() throws SQLException {
    Conversation named;
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      named = store.conversations().start(StartConversation.by(ALICE).titled("a".repeat(199) + " " + "b".repeat(55)));
    }

    assertEquals(5, schema().rollbackTo("4"));
    assertEquals(199, count("SELECT length(title) FROM conversations"), "cut to 200 characters, the space at the cut trimmed");
    SQLException refused = assertThrows(SQLException.class,
        () -> execute("UPDATE conversations SET title = '" + "c".repeat(201) + "'"));
    assertTrue(refused.getMessage().contains("CHECK constraint failed"), refused.getMessage());

    assertEquals(5, schema().migrate());
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      assertEquals("c".repeat(255), store.conversations().rename(ALICE, named.id(), "c".repeat(255), java.util.OptionalLong.empty())
          .title().orElseThrow());
    }
  }

  @Test
  void aRetryByMessageIdFindsTheMessageBeforeAndAfterItsIndexKeysTheIdFirst() throws SQLException {
    Conversation conversation;
    Message first;
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      conversation = store.conversations().start(StartConversation.by(ALICE));
      first = store.messages().append(ALICE, conversation.id(), NewMessage.user("first"));
      store.messages().append(ALICE, conversation.id(), NewMessage.assistant("second"));
    }

    assertEquals(2, schema().rollbackTo("7"));
    assertIdIndexKeysAndRefusesACopy("conversation_id", "id");

    assertEquals(2, schema().migrate());
    assertIdIndexKeysAndRefusesACopy("id", "conversation_id");
    try (Storage storage = file.open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      assertEquals(first, store.messages().append(ALICE, conversation.id(), NewMessage.user("first").withId(first.id())));
      assertEquals(2, count("SELECT count(*) FROM messages"));
    }
  }

  /**
   * The unique index of message ids keys the two columns in this order, and refuses the first
   * message's id stored again in its conversation, as a third message.
   */
  private void assertIdIndexKeysAndRefusesACopy(String first, String second) throws SQLException {
    List<String> objects = schemaObjects();
    assertTrue(objects.stream().anyMatch(object -> object.startsWith("index messages_by_id ")
        && object.contains("ON messages (" + first + ", " + second + ")")), () -> String.join("\n", objects));
    SQLException copy = assertThrows(SQLException.class, () -> execute("INSERT INTO messages SELECT conversation_id, 3, id,"
        + " owner, role, kind, content, tool_calls, tool_result, created_at, metadata, NULL FROM messages WHERE seq = 1"));
    assertTrue(copy.getMessage().contains("UNIQUE constraint failed: messages." + first + ", messages." + second),
        copy.getMessage());
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(file.url());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<SchemaMigration.State> states(SchemaMigrations migrations) {
    return migrations.status().stream().map(SchemaMigration::state).toList();
  }

  @Test
  void everyMigrationShipsItsUndoScript() throws URISyntaxException {
    File[] migrations = new File(Objects.requireNonNull(
        getClass().getClassLoader().getResource(SchemaVersions.location("sqlite"))).toURI()).listFiles();
    assertTrue(migrations != null && migrations.length > 0);
    for (File migration : migrations) {
      assertTrue(migration.getName().matches("V\\d+__\\w+\\.sql"), migration.getName());
      String undo = SchemaVersions.location("sqlite") + "-undo" + "/U" + migration.getName().substring(1);
      assertTrue(getClass().getClassLoader().getResource(undo) != null, "missing " + undo);
    }
  }

  @Test
  void undoScriptsSplitIntoStatementsKeepingTriggerBodiesWhole() {
    List<String> statements = SqliteSchema.statements(SchemaVersions.read("undo-script-example.sql"));

    assertEquals(List.of(
        "DROP TABLE a;",
        "CREATE TRIGGER t AFTER DELETE ON b\nBEGIN\n  DELETE FROM c WHERE id = old.id;\n  DELETE FROM d;\nEND;",
        "DROP INDEX e;"), statements);
  }
}
