package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import dev.convostore.sql.SchemaVersions;
import dev.convostore.sql.SqlSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code convostore.distribute=citus}: opening a store distributes its tables by conversation,
 * co-located, once; a store that finds one not distributed with migrations off names it; a server
 * without Citus refuses the setting. The cluster's tests run in the {@code citus} profile.
 */
class CitusDistributionTest {

  /** What a host that runs convostore's migrations with its own tool runs after them (README, Scale out). */
  static final String BY_HAND = """
      SELECT create_distributed_table('conversations', 'id');
      SELECT create_distributed_table('messages', 'conversation_id', colocate_with => 'conversations');
      SELECT create_distributed_table('agent_states', 'conversation_id', colocate_with => 'conversations');
      SELECT create_distributed_table('context_items', 'conversation_id', colocate_with => 'conversations');
      SELECT create_distributed_table('message_feedback', 'conversation_id', colocate_with => 'conversations');
      """;

  /** Each distributed table of the schema with its distribution column and co-location group. */
  private static List<String> distribution(String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = TestPostgres.admin();
        PreparedStatement query = connection.prepareStatement("""
            SELECT c.relname, column_to_column_name(p.logicalrelid, p.partkey),
                   p.colocationid = (SELECT colocationid FROM pg_dist_partition
                                     WHERE logicalrelid = to_regclass(? || '.conversations'))
            FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
            WHERE c.relnamespace = to_regnamespace(?) ORDER BY 1
            """)) {
      query.setString(1, schema);
      query.setString(2, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1) + " by " + rows.getString(2) + (rows.getBoolean(3) ? ", co-located" : ""));
        }
      }
    }
    return tables;
  }

  private static final List<String> DISTRIBUTED = List.of("agent_states by conversation_id, co-located",
      "context_items by conversation_id, co-located", "conversations by id, co-located",
      "message_feedback by conversation_id, co-located", "messages by conversation_id, co-located");

  @Test
  void openingDistributesEveryTableByConversationOnceAndTablesNotDistributedAreNamed() throws SQLException {
    assumeTrue(TestPostgres.distributed(), "needs a Citus cluster: the citus profile runs it");
    String schema = TestPostgres.newSchema();
    try {
      TestPostgres.openIn(schema, Map.of()).close();
      assertEquals(DISTRIBUTED, distribution(schema));
      TestPostgres.openIn(schema, Map.of()).close();
      assertEquals(DISTRIBUTED, distribution(schema), "opening again changes nothing");

      // Citus undistributes a table only with those its foreign keys link it to: all five
      TestPostgres.execute("SELECT undistribute_table('" + schema + ".context_items', cascade_via_foreign_keys => true)");
      StoreFailureException refused = assertThrows(StoreFailureException.class,
          () -> TestPostgres.openIn(schema, Map.of(SqlSettings.MIGRATE_ON_OPEN, "false")));
      assertEquals(Kind.SCHEMA_MISMATCH, refused.kind());
      assertTrue(refused.getMessage().startsWith("with convostore.distribute=citus, conversations is not distributed; "
          + "messages is not distributed; agent_states is not distributed; context_items is not distributed; "
          + "message_feedback is not distributed: "),
          refused.getMessage());

      TestPostgres.openIn(schema, Map.of()).close();
      assertEquals(DISTRIBUTED, distribution(schema), "migrations on distribute it again");
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aStoreDistributedBeforeTheFeedbackTableGetsItDistributedByItsMigration() throws SQLException {
    assumeTrue(TestPostgres.distributed(), "needs a Citus cluster: the citus profile runs it");
    String schema = TestPostgres.newSchema();
    try {
      TestPostgres.openIn(schema, Map.of()).close();
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(TestPostgres.url(schema));
      SchemaVersions versions = PostgresDatabase.versions(dataSource, TestPostgres.placement());
      assertEquals(5, versions.rollbackTo("3")); // versions 8 to 4 undone
      assertFalse(distribution(schema).contains("message_feedback by conversation_id, co-located"));

      assertEquals(5, versions.apply()); // versions 4 to 8 on distributed tables, as an upgrade runs them

      assertEquals(DISTRIBUTED, distribution(schema));
      try (Storage storage = TestPostgres.openIn(schema, Map.of(SqlSettings.MIGRATE_ON_OPEN, "false"))) {
        UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
        UserId alice = UserId.of("alice");
        ConversationId id = store.conversations().start(StartConversation.by(alice)).id();
        Message message = store.messages().append(alice, id, NewMessage.user("rate me"));
        store.messages().giveFeedback(alice, id, message.id(), Feedback.of(1));
        assertEquals(1, store.messages().feedback(alice, id).size());
        assertEquals(List.of(message), store.history().search(alice, "rate", 10), "words kept as text by version 7");
      }
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void onACitusClusterAKeyWithoutTheConversationIdIsRefused() {
    assumeTrue(TestPostgres.distributed(), "needs a Citus cluster: the citus profile runs it");
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PostgresDistributionTest
        .violationsAfter("ALTER TABLE {schema}.messages ADD CONSTRAINT messages_global_id UNIQUE (id)"));
    assertTrue(refused.getMessage().contains("cannot create constraint"), refused.getMessage());
  }

  @Test
  void aServerWithoutCitusRefusesTheSettingBeforeMigratingAndAnUnknownValueIsNamed() {
    assumeFalse(TestPostgres.distributed(), "needs a server without Citus");
    String schema = TestPostgres.newSchema();
    try {
      StoreFailureException refused = assertThrows(StoreFailureException.class,
          () -> TestPostgres.openIn(schema, Map.of(PostgresSettings.DISTRIBUTE, "citus")));
      assertEquals(Kind.UNSUPPORTED, refused.kind());
      assertTrue(refused.getMessage().contains("has no Citus extension"), refused.getMessage());
      TestPostgres.execute("CREATE TABLE " + schema + ".conversations (id int)"); // fails if migrations made one
    } finally {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
    ValidationException unknown = assertThrows(ValidationException.class, () -> PostgresSettings.from(
        new StoreSettings(TestPostgres.url("public"), StoreLimits.DEFAULTS, Map.of(PostgresSettings.DISTRIBUTE, "shards"))));
    assertEquals(PostgresSettings.DISTRIBUTE, unknown.field());
  }
}
