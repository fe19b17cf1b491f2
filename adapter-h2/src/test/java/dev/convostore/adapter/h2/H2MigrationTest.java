package dev.convostore.adapter.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SchemaVersions;
import dev.convostore.sql.SqlSettings;
import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2MigrationTest {

  private static final UserId ALICE = UserId.of("alice");

  @RegisterExtension final H2File file = new H2File();

  private Storage open(Map<String, String> properties) {
    return TestH2.open(file.url(), properties);
  }

  private void openAndClose() {
    open(Map.of()).close();
  }

  private SchemaVersions versions() {
    return H2Database.versions(H2Database.direct(H2Settings.from(new StoreSettings(file.url(), StoreLimits.DEFAULTS, Map.of()))));
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = H2Database.direct(H2Settings.from(
            new StoreSettings(file.url(), StoreLimits.DEFAULTS, Map.of()))).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Every column, check, constraint and index of the schema, as H2's catalog describes them
   * (without the names H2 generates, which differ between two creations of the same schema).
   */
  private List<String> schemaObjects() throws SQLException {
    String catalog = """
        SELECT 'column ' || TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE || ' ' || IS_NULLABLE
               || ' ' || COALESCE(CHARACTER_MAXIMUM_LENGTH, 0)
        FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'
        UNION ALL
        SELECT 'check ' || CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'PUBLIC'
        UNION ALL
        SELECT 'constraint ' || TABLE_NAME || ' ' || CONSTRAINT_TYPE
        FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'PUBLIC'
        UNION ALL
        SELECT 'index ' || i.TABLE_NAME || ' ' || i.INDEX_TYPE_NAME || ' '
               || LISTAGG(c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION, ', ') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION)
        FROM INFORMATION_SCHEMA.INDEXES i
        JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c
          ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME
        WHERE i.TABLE_SCHEMA = 'PUBLIC'
        GROUP BY i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME
        ORDER BY 1
        """;
    List<String> objects = new ArrayList<>();
    try (Connection connection = H2Database.direct(H2Settings.from(
            new StoreSettings(file.url(), StoreLimits.DEFAULTS, Map.of()))).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(catalog)) {
      while (rows.next()) {
        objects.add(rows.getString(1));
      }
    }
    return objects;
  }

  @Test
  void aFreshDatabaseIsMigratedWhenTheStoreOpens() throws SQLException {
    openAndClose();

    assertEquals("5", versions().current());
    String objects = String.join("\n", schemaObjects());
    for (String table : List.of("CONVERSATIONS", "AGENT_STATES", "MESSAGES", "MESSAGE_WORDS", "CONTEXT_ITEMS")) {
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

    assertEquals(5, versions().rollbackTo("0"));
    assertEquals("0", versions().current());
    List<String> rolledBack = schemaObjects();
    assertTrue(rolledBack.stream().allMatch(object -> object.toLowerCase().contains(SchemaVersions.HISTORY_TABLE)
            || !object.startsWith("column ")),
        () -> "only the history table is left: " + rolledBack);

    assertEquals(5, versions().migrate());
    assertEquals(migrated, schemaObjects());
    try (Storage storage = open(Map.of())) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("works again"));
      assertEquals(1, store.history().search(ALICE, "again", 10).size());
    }
  }

  @Test
  void aSchemaNewerThanThisVersionKnowsIsRefused() throws SQLException {
    openAndClose();
    execute("INSERT INTO \"" + SchemaVersions.HISTORY_TABLE + "\""
        + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\","
        + " \"installed_by\", \"execution_time\", \"success\")"
        + " VALUES (6, '6', 'from a later release', 'SQL', 'V6__from_a_later_release.sql', 0, 'test', 1, true)");

    for (Map<String, String> properties : List.of(Map.<String, String>of(), Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      StoreFailureException refused = assertThrows(StoreFailureException.class, () -> open(properties));
      assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, refused.kind());
      assertTrue(refused.getMessage().contains("version 6, newer than this version of convostore knows (5)"),
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
    assertTrue(outdated.getMessage().contains("at version 0 and this version of convostore needs 5"), outdated.getMessage());
  }

  @Test
  void theScriptsRunWithTheHostsOwnToolAreAcceptedWithMigrationsOff() throws SQLException {
    execute(SchemaVersions.read(SchemaVersions.location("h2") + "/V1__conversations_messages_context_items.sql"));

    try (Storage storage = open(Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      assertEquals(ALICE, store.conversations().start(StartConversation.by(ALICE)).owner());
    }
  }

  @Test
  void everyMigrationShipsItsUndoScript() throws URISyntaxException {
    File[] migrations = new File(Objects.requireNonNull(
        getClass().getClassLoader().getResource(SchemaVersions.location("h2"))).toURI()).listFiles();
    assertTrue(migrations != null && migrations.length > 0);
    for (File migration : migrations) {
      assertTrue(migration.getName().matches("V\\d+__\\w+\\.sql"), migration.getName());
      String undo = SchemaVersions.location("h2") + "-undo" + "/U" + migration.getName().substring(1);
      assertTrue(getClass().getClassLoader().getResource(undo) != null, "missing " + undo);
    }
  }
}
