package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.convostore.application.port.out.Storage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema can be distributed by conversation (Citus: conversations by id, every other table
 * by conversation_id, co-located): the catalog shows that every primary key, unique key, unique
 * index and foreign key includes the conversation id, and that no table draws from a sequence.
 */
class PostgresDistributionTest {

  /** The distribution column of each table: the conversation id. */
  private static final Map<String, String> DISTRIBUTION_COLUMNS = Map.of(
      "conversations", "id", "agent_states", "conversation_id", "messages", "conversation_id",
      "context_items", "conversation_id", "message_feedback", "conversation_id");

  /** Keys and unique indexes of convostore's tables in {@code schema} that break the rule. */
  static List<String> violations(Connection connection, String schema) throws SQLException {
    List<String> violations = new ArrayList<>();
    String keys = """
        SELECT c.conname, t.relname, c.contype, rt.relname,
               array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a
                     ON a.attrelid = c.conrelid AND a.attnum = k),
               array(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a
                     ON a.attrelid = c.confrelid AND a.attnum = k)
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        LEFT JOIN pg_class rt ON rt.oid = c.confrelid
        WHERE t.relnamespace = to_regnamespace(?) AND c.contype IN ('p', 'u', 'f', 'x')
          AND t.relname <> 'convostore_schema_history'
        """;
    try (PreparedStatement query = connection.prepareStatement(keys)) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          String table = rows.getString(2);
          List<String> columns = Arrays.asList((String[]) rows.getArray(5).getArray());
          if (!columns.contains(distributionColumn(table))) {
            violations.add(table + "." + name + " " + columns + " lacks " + distributionColumn(table));
          }
          if (rows.getString(3).equals("f")) {
            String referenced = rows.getString(4);
            List<String> referencedColumns = Arrays.asList((String[]) rows.getArray(6).getArray());
            if (!referencedColumns.contains(distributionColumn(referenced))) {
              violations.add(table + "." + name + " references " + referenced + referencedColumns
                  + " without its " + distributionColumn(referenced));
            }
          }
        }
      }
    }
    String uniqueIndexes = """
        SELECT i.relname, t.relname,
               array(SELECT a.attname::text FROM unnest(x.indkey) k JOIN pg_attribute a
                     ON a.attrelid = x.indrelid AND a.attnum = k)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = to_regnamespace(?) AND x.indisunique AND t.relname <> 'convostore_schema_history'
        """;
    try (PreparedStatement query = connection.prepareStatement(uniqueIndexes)) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String table = rows.getString(2);
          List<String> columns = Arrays.asList((String[]) rows.getArray(3).getArray());
          if (!columns.contains(distributionColumn(table))) {
            violations.add(table + " unique index " + rows.getString(1) + " " + columns + " lacks "
                + distributionColumn(table));
          }
        }
      }
    }
    return violations;
  }

  private static String distributionColumn(String table) {
    String column = DISTRIBUTION_COLUMNS.get(table);
    if (column == null) {
      throw new AssertionError("table " + table + " has no declared distribution column: add it to the rule");
    }
    return column;
  }

  static List<String> violationsAfter(String... changes) throws SQLException {
    String schema = TestPostgres.newSchema();
    try (Storage storage = TestPostgres.openIn(schema, Map.of())) {
      for (String change : changes) {
        TestPostgres.execute(change.replace("{schema}", schema));
      }
      try (Connection connection = TestPostgres.admin()) {
        return violations(connection, schema);
      }
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void everyKeyOfTheSchemaIncludesTheConversationId() throws SQLException {
    assertEquals(List.of(), violationsAfter());
  }

  @Test
  void aKeyWithoutTheConversationIdIsCaught() throws SQLException {
    assumeFalse(TestPostgres.distributed(), "on a Citus cluster such keys are refused: CitusDistributionTest");
    List<String> violations = violationsAfter(
        "ALTER TABLE {schema}.messages ADD CONSTRAINT messages_global_id UNIQUE (id)",
        "CREATE UNIQUE INDEX context_items_global_id ON {schema}.context_items (id)",
        "ALTER TABLE {schema}.agent_states ADD COLUMN owner text",
        "ALTER TABLE {schema}.conversations ADD CONSTRAINT conversations_owner_id UNIQUE (owner, id)",
        "ALTER TABLE {schema}.agent_states ADD CONSTRAINT agent_states_owner FOREIGN KEY (conversation_id, owner)"
            + " REFERENCES {schema}.conversations (id, owner)");

    assertTrue(violations.stream().anyMatch(v -> v.startsWith("messages.messages_global_id [id]")), violations::toString);
    assertTrue(violations.stream().anyMatch(v -> v.contains("unique index context_items_global_id")), violations::toString);
    assertEquals(3, violations.size(), violations::toString); // the constraint, its index, the index
  }

  @Test
  void noTableDrawsFromASequence() throws SQLException {
    String schema = TestPostgres.newSchema();
    try (Storage storage = TestPostgres.openIn(schema, Map.of());
        Connection connection = TestPostgres.admin();
        PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relnamespace = to_regnamespace(?)")) {
      query.setString(1, schema);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        assertEquals(0, result.getInt(1));
      }
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
