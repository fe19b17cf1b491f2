package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.port.out.Storage;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.UserId;
import dev.convostore.sql.MessageMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.junit.jupiter.api.Test;

/**
 * The search is planned for each call's values: the driver never prepares it on the server, where
 * PostgreSQL may switch to a generic plan made for an average user. Other statements still are.
 */
class PostgresSearchPlanTest {

  private static final UserId ALICE = UserId.of("alice");

  @Test
  void theSearchIsNeverPreparedOnTheServerWhileOtherStatementsAre() throws Exception {
    String schema = TestPostgres.newSchema();
    try (Storage migrated = TestPostgres.openIn(schema, Map.of())) {
      migrated.conversations().insert(Conversation.start(
          ConversationId.newId(), ALICE, Optional.empty(), JsonObject.empty(), Instant.parse("2026-01-01T00:00:00Z")));
    }
    try (Connection connection = DriverManager.getConnection(TestPostgres.url(schema));
        SqlSession session = new SqlSessionFactoryBuilder()
            .build(PostgresDatabase.configuration(PostgresDatabase.direct(settings(schema)))).openSession(connection)) {
      MessageMapper mapper = session.getMapper(MessageMapper.class);
      for (int call = 0; call < 10; call++) {
        mapper.search(ALICE, "'weather'", List.of("weather"), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), 20, found -> { });
        mapper.recent(ALICE, 20);
      }
      assertEquals(0, preparedOnServer(connection, "%@@%"), "the search is not prepared");
      assertEquals(1, preparedOnServer(connection, "%FROM messages m WHERE m.owner = $1%"), "recent activity is prepared");
    }
  }

  private static PostgresSettings settings(String schema) {
    return PostgresSettings.from(new dev.convostore.application.port.out.StoreSettings(
        TestPostgres.url(schema), dev.convostore.application.StoreLimits.DEFAULTS, Map.of()));
  }

  private static long preparedOnServer(Connection connection, String like) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '" + like + "'")) {
      result.next();
      return result.getLong(1);
    }
  }
}
