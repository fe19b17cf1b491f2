package dev.convostore.adapter.h2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import dev.convostore.sql.MetadataFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** H2's plans for the statements that must not grow with the store: they read indexes, in order. */
class H2QueryPlanTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Configuration MYBATIS = H2Database.configuration(new JdbcDataSource());
  private static final UserId HEAVY = UserId.of("heavy");

  private static final Path FOLDER = TestH2.newFolder();
  private static final String URL = TestH2.fileUrl(FOLDER);
  private static Conversation sample;

  /** One heavy user (20 conversations of 100 messages) among 99 light ones (10 conversations of 2 messages). */
  @BeforeAll
  static void populate() {
    List<ConversationSnapshot> snapshots = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      snapshots.add(conversation(HEAVY, snapshots.size(), 100));
    }
    for (int user = 1; user < 100; user++) {
      for (int c = 0; c < 10; c++) {
        snapshots.add(conversation(UserId.of("user-" + user), snapshots.size(), 2));
      }
    }
    sample = snapshots.get(7).conversation();
    try (Storage storage = TestH2.open(URL, Map.of())) {
      UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS).transfer()
          .importAll(snapshots.iterator(), ImportMode.NEVER_BACKWARDS);
    }
  }

  private static ConversationSnapshot conversation(UserId owner, int index, int size) {
    ConversationId id = ConversationId.newId();
    Instant createdAt = START.plusSeconds(index);
    List<Message> messages = new ArrayList<>();
    for (int m = 1; m <= size; m++) {
      messages.add(NewMessage.user("message " + m + " of conversation " + index + " word" + (index * 1000 + m))
          .toMessage(MessageId.newId(), id, owner, m, createdAt.plusMillis(m)));
    }
    Conversation conversation = new Conversation(id, owner, Optional.empty(), true, createdAt, createdAt.plusMillis(size),
        size, size, JsonObject.of("project", "p" + index % 7), AgentState.initial(), 1);
    return new ConversationSnapshot(conversation, messages, List.of());
  }

  @AfterAll
  static void deleteFolder() {
    TestH2.delete(FOLDER);
  }

  /** H2's plan for a mapped statement with the given parameters: the statement as H2 will run it, annotated. */
  private static String plan(String statement, Map<String, Object> parameters) throws SQLException {
    MappedStatement mapped = MYBATIS.getMappedStatement(statement);
    BoundSql bound = mapped.getBoundSql(parameters);
    String sql = bound.getSql();
    if (sql.contains("FINAL TABLE (")) { // the change inside, whose plan the select does not show
      sql = sql.substring(sql.indexOf("FINAL TABLE (") + "FINAL TABLE (".length(), sql.lastIndexOf(')'));
    }
    try (Connection connection = DriverManager.getConnection(URL, "sa", "");
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      new DefaultParameterHandler(mapped, parameters, bound).setParameters(explain);
      try (ResultSet rows = explain.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static void assertReads(String plan, String... indexes) {
    assertTrue(!plan.contains("tableScan"), () -> "table scan in\n" + plan);
    for (String index : indexes) {
      assertTrue(plan.contains(index), () -> "no " + index + " in\n" + plan);
    }
  }

  private static void assertSortedByIndex(String plan) {
    assertTrue(plan.contains("/* index sorted */"), () -> "sorts its rows:\n" + plan);
  }

  private static Map<String, Object> parameters(Object... keysAndValues) {
    Map<String, Object> parameters = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parameters.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return parameters;
  }

  @Test
  void historyWindowsReadARangeOfThePrimaryKeyInOrderFilteredOrNot() throws SQLException {
    for (String window : List.of("last", "before", "after", "lastOfAll", "beforeOfAll", "afterOfAll")) {
      for (Map<String, Object> parameters : List.of(
          parameters("owner", sample.owner(), "id", sample.id(), "sequence", 20L, "limit", 20),
          parameters("owner", sample.owner(), "id", sample.id(), "sequence", 20L, "limit", 20, "roles", java.util.Set.of(dev.convostore.domain.MessageRole.USER),
          "kinds", java.util.Set.of(dev.convostore.domain.MessageKind.TEXT, dev.convostore.domain.MessageKind.TOOL_RESULT)),
          parameters("owner", sample.owner(), "id", sample.id(), "sequence", 20L, "limit", null, "toolNames", java.util.Set.of("weather")))) {
        String plan = plan("dev.convostore.sql.MessageMapper." + window, parameters);
        assertReads(plan, "PUBLIC.PRIMARY_KEY");
        assertSortedByIndex(plan);
      }
    }
  }

  @Test
  void anAppendFindsItsConversationByPrimaryKey() throws SQLException {
    String plan = plan("dev.convostore.sql.MessageMapper.allocate", parameters("owner", sample.owner(), "id", sample.id(),
        "count", 1, "at", START, "titleIfUntitled", null, "expectedLastSequence", null));
    assertReads(plan, "PUBLIC.PRIMARY_KEY");
  }

  @Test
  void statisticsConversationReadsAndContextItemsStartFromTheConversation() throws SQLException {
    Map<String, Object> parameters = parameters("owner", sample.owner(), "id", sample.id(), "sources", List.of(),
        "minRelevance", 0.0, "mostRelevantFirst", true, "limit", 10);
    for (String statement : List.of("ConversationMapper.find", "ConversationMapper.ownerOf")) {
      assertReads(plan("dev.convostore.sql." + statement, parameters), "PUBLIC.PRIMARY_KEY");
    }
    // an index whose condition is the conversation, whichever H2 picks
    for (String statement : List.of("MessageMapper.countByRole", "MessageMapper.toolMessages", "MessageMapper.feedbackOf",
        "ContextItemMapper.list")) {
      for (boolean mostRelevantFirst : new boolean[] {true, false}) {
        parameters.put("mostRelevantFirst", mostRelevantFirst);
        List<String> filter = mostRelevantFirst ? List.of() : List.of("preference"); // context items filtered too
        parameters.put("contextTypes", filter);
        parameters.put("focusAreas", filter);
        parameters.put("preferenceTypes", filter);
        assertReads(plan("dev.convostore.sql." + statement, parameters), ": CONVERSATION_ID = ?");
      }
    }
  }

  @Test
  void listingWalksTheOwnersActivityIndexInOrder() throws SQLException {
    String plan = plan("dev.convostore.sql.ConversationMapper.list", parameters(
        "owner", HEAVY, "active", true, "afterTime", START.plusSeconds(400), "afterId", sample.id(),
        "members", MetadataFilter.members(JsonObject.of("project", "p3")), "limit", 20));

    assertReads(plan, "PUBLIC.CONVERSATIONS_BY_OWNER_ACTIVITY");
    assertSortedByIndex(plan);
  }

  @Test
  void listingByCreationWalksTheOwnersCreationIndexInOrder() throws SQLException {
    String plan = plan("dev.convostore.sql.ConversationMapper.list", parameters(
        "owner", HEAVY, "byCreation", true, "active", true, "afterTime", START.plusSeconds(400), "afterId", sample.id(),
        "members", MetadataFilter.members(JsonObject.of("project", "p3")), "limit", 20));

    assertReads(plan, "PUBLIC.CONVERSATIONS_BY_OWNER_CREATION");
    assertSortedByIndex(plan);
  }

  @Test
  void toolUsageReadsTheOwnersTimeRange() throws SQLException {
    String plan = plan("dev.convostore.sql.MessageMapper.toolMessagesBetween",
        parameters("owner", HEAVY, "from", START, "to", START.plusSeconds(3_600)));

    assertReads(plan, "PUBLIC.MESSAGES_BY_OWNER_TIME");
  }

  @Test
  void recentActivityWalksTheOwnersTimeIndexInOrder() throws SQLException {
    String plan = plan("dev.convostore.sql.MessageMapper.recent", parameters("owner", sample.owner(), "limit", 20));

    assertReads(plan, "PUBLIC.MESSAGES_BY_OWNER_TIME");
    assertSortedByIndex(plan);
  }

  @Test
  void searchReadsTheOwnersEntriesForItsFirstWordAndReachesMessagesByKey() throws SQLException {
    String plan = plan("dev.convostore.sql.MessageMapper.search",
        parameters("owner", HEAVY, "words", List.of("word7042", "conversation"), "limit", 20));

    assertReads(plan, "PUBLIC.MESSAGE_WORDS_BY_OWNER", "PUBLIC.PRIMARY_KEY");
  }
}
