package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import dev.convostore.sql.MetadataFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries behind history windows, listings, recent activity and search, as the mapper files
 * write them, explained by SQLite on a populated file: each reaches messages and conversations
 * through an index, never by scanning a table.
 */
class SqliteQueryPlanTest {

  @TempDir static Path folder;

  private static String url;
  private static final Configuration MYBATIS = SqliteDatabase.configuration(new org.sqlite.SQLiteDataSource());

  @BeforeAll
  static void populate() {
    url = "jdbc:sqlite:" + folder.resolve("plans.db");
    try (Storage storage = new SqliteStorageProvider().open(new StoreSettings(url, StoreLimits.DEFAULTS, Map.of()))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      for (int user = 0; user < 5; user++) {
        UserId owner = UserId.of("user-" + user);
        for (int c = 0; c < 10; c++) {
          Conversation conversation = store.conversations().start(
              StartConversation.by(owner).withMetadata(JsonObject.of("project", "p" + c)));
          for (int m = 0; m < 20; m++) {
            store.messages().append(owner, conversation.id(), NewMessage.user("message " + m + " about planning"));
          }
        }
      }
    }
  }

  /** SQLite's plan for a mapped statement, one line per step. */
  private static List<String> plan(String statement, Map<String, Object> parameters) throws SQLException {
    String sql = MYBATIS.getMappedStatement(statement).getBoundSql(parameters).getSql();
    List<String> steps = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement explain = connection.createStatement();
        ResultSet rows = explain.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
      while (rows.next()) {
        steps.add(rows.getString("detail"));
      }
    }
    return steps;
  }

  private static void assertUsesIndexes(List<String> plan, String... expectedSteps) {
    for (String step : plan) {
      assertTrue(!step.matches("SCAN (m|c|a|i|messages|conversations|agent_states|context_items)\\b.*"),
          () -> "full scan in " + plan);
    }
    for (String expected : expectedSteps) {
      assertTrue(plan.stream().anyMatch(step -> step.startsWith(expected)), () -> "no '" + expected + "' in " + plan);
    }
  }

  private static Map<String, Object> parameters(Object... keysAndValues) {
    Map<String, Object> parameters = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parameters.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return parameters;
  }

  @Test
  void historyWindowsReadARangeOfThePrimaryKeyFilteredOrNot() throws SQLException {
    for (String window : List.of("last", "before", "after", "lastOfAll", "beforeOfAll", "afterOfAll")) {
      for (Map<String, Object> parameters : List.of(parameters(), parameters("roles", java.util.Set.of(dev.convostore.domain.MessageRole.USER),
          "kinds", java.util.Set.of(dev.convostore.domain.MessageKind.TEXT, dev.convostore.domain.MessageKind.TOOL_RESULT)),
          parameters("toolNames", java.util.Set.of("weather"), "limit", null))) {
        List<String> plan = plan("dev.convostore.sql.MessageMapper." + window, parameters);
        assertUsesIndexes(plan, "SEARCH m USING PRIMARY KEY (conversation_id=?");
        assertTrue(plan.stream().noneMatch(step -> step.contains("TEMP B-TREE")), () -> window + " sorts: " + plan);
      }
    }
  }

  @Test
  void aRetryLooksItsClientIdsUpInTheIdIndex() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.MessageMapper.findByIds",
        parameters("ids", List.of(dev.convostore.domain.MessageId.newId(), dev.convostore.domain.MessageId.newId())));
    assertUsesIndexes(plan, "SEARCH m USING INDEX messages_by_id (id=? AND conversation_id=?)");
  }

  @Test
  void anAppendAndAConversationsReadsStartFromItsKey() throws SQLException {
    Map<String, Object> parameters = parameters("count", 1, "mostRelevantFirst", true, "sources", List.of());
    for (String statement : List.of("MessageMapper.allocate", "ConversationMapper.find", "ConversationMapper.ownerOf")) {
      assertUsesIndexes(plan("dev.convostore.sql." + statement, parameters), "SEARCH");
    }
    for (String statement : List.of("MessageMapper.countByRole", "MessageMapper.toolMessages", "MessageMapper.feedbackOf",
        "ContextItemMapper.list")) {
      for (boolean mostRelevantFirst : new boolean[] {true, false}) {
        parameters.put("mostRelevantFirst", mostRelevantFirst);
        List<String> filter = mostRelevantFirst ? List.of() : List.of("preference"); // context items filtered too
        parameters.put("contextTypes", filter);
        parameters.put("focusAreas", filter);
        parameters.put("preferenceTypes", filter);
        List<String> plan = plan("dev.convostore.sql." + statement, parameters);
        assertUsesIndexes(plan, "SEARCH");
        assertTrue(plan.stream().anyMatch(step -> step.endsWith("USING PRIMARY KEY (conversation_id=?)")),
            () -> statement + " does not start from the conversation: " + plan);
      }
    }
  }

  @Test
  void listingWalksTheOwnersActivityIndexInOrder() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.ConversationMapper.list", parameters(
        "active", true, "afterTime", java.time.Instant.EPOCH, "afterId", dev.convostore.domain.ConversationId.newId(),
        "members", MetadataFilter.members(JsonObject.of("project", "p1"))));

    assertUsesIndexes(plan, "SEARCH c USING INDEX conversations_by_owner_activity (owner=?", "SEARCH a USING INDEX");
    assertTrue(plan.stream().noneMatch(step -> step.contains("TEMP B-TREE")), () -> "listing sorts: " + plan);
  }

  @Test
  void listingByCreationWalksTheOwnersCreationIndexInOrder() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.ConversationMapper.list", parameters(
        "byCreation", true, "active", true, "afterTime", java.time.Instant.EPOCH,
        "afterId", dev.convostore.domain.ConversationId.newId(),
        "members", MetadataFilter.members(JsonObject.of("project", "p1"))));

    assertUsesIndexes(plan, "SEARCH c USING INDEX conversations_by_owner_creation (owner=?", "SEARCH a USING INDEX");
    assertTrue(plan.stream().noneMatch(step -> step.contains("TEMP B-TREE")), () -> "listing sorts: " + plan);
  }

  @Test
  void toolUsageReadsTheOwnersTimeRange() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.MessageMapper.toolMessagesBetween",
        parameters("from", java.time.Instant.EPOCH, "to", java.time.Instant.EPOCH.plusSeconds(60)));

    assertUsesIndexes(plan, "SEARCH m USING INDEX messages_by_owner_time (owner=? AND created_at>? AND created_at<?)");
  }

  @Test
  void recentActivityWalksTheOwnersTimeIndexInOrder() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.MessageMapper.recent", parameters());

    assertUsesIndexes(plan, "SEARCH m USING INDEX messages_by_owner_time (owner=?)");
    assertTrue(plan.stream().noneMatch(step -> step.contains("TEMP B-TREE")), () -> "recent activity sorts: " + plan);
  }

  @Test
  void searchFilteredOrNotAsksTheFullTextIndexAndReachesMessagesByKey() throws SQLException {
    for (Map<String, Object> parameters : List.of(parameters(), parameters(
        "roles", java.util.Set.of(dev.convostore.domain.MessageRole.ASSISTANT),
        "kinds", java.util.Set.of(dev.convostore.domain.MessageKind.TEXT)), parameters("toolNames", java.util.Set.of("weather"), "limit", null))) {
      List<String> plan = plan("dev.convostore.sql.MessageMapper.search", parameters);

      assertUsesIndexes(plan, "SCAN s VIRTUAL TABLE INDEX", "SEARCH m USING PRIMARY KEY (conversation_id=? AND seq=?)");
      assertTrue(plan.stream().anyMatch(step -> step.matches("SEARCH m USING (COVERING )?INDEX messages_by_search_rowid \\(search_rowid=\\? AND owner=\\?\\)")),
          () -> "matches not kept by owner from the index: " + plan);
    }
  }

  @Test
  void searchSortsTheOwnersMatchesFromTheIndexAndReadsOnlyTheRowsItReturns() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.MessageMapper.search", parameters());

    assertUsesIndexes(plan, "SCAN s VIRTUAL TABLE INDEX",
        "SEARCH m USING COVERING INDEX messages_by_search_rowid (search_rowid=? AND owner=?)",
        "SEARCH m USING PRIMARY KEY (conversation_id=? AND seq=?)");
  }
}
