package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The queries behind history windows, listings, recent activity and search, as the mapper files
 * write them, explained by PostgreSQL with real parameters on 20,000 analysed messages, and those
 * run most often also without them (the generic plan a prepared statement ends up with): each
 * reaches messages and conversations through an index, never a sequential scan. Windows and
 * recent activity read their index in the order they return, without sorting.
 */
class PostgresQueryPlanTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Configuration MYBATIS = PostgresDatabase.configuration(new PGSimpleDataSource());
  private static final UserId HEAVY = UserId.of("heavy");

  private static String schema;
  private static Conversation sample;

  /**
   * One heavy user (50 conversations of 200 messages) among 199 light ones (25 conversations of
   * 2 messages): 20,000 messages in 5,025 conversations; every message has a word of its own.
   */
  @BeforeAll
  static void populate() throws SQLException {
    assumeFalse(TestPostgres.distributed(),
        "one server's index plans: the citus profile runs them on the coordinator's own tables, CitusPlanTest on the cluster");
    schema = TestPostgres.newSchema();
    List<ConversationSnapshot> snapshots = new ArrayList<>();
    for (int c = 0; c < 50; c++) {
      snapshots.add(conversation(HEAVY, snapshots.size(), 200));
    }
    for (int user = 1; user < 200; user++) {
      for (int c = 0; c < 25; c++) {
        snapshots.add(conversation(UserId.of("user-" + user), snapshots.size(), 2));
      }
    }
    sample = snapshots.get(7).conversation();
    try (Storage storage = TestPostgres.openIn(schema, Map.of())) {
      UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS).transfer().importAll(snapshots.iterator(), ImportMode.NEVER_BACKWARDS);
    }
    // As autovacuum would: statistics, and the search index's pending entries merged into it.
    TestPostgres.execute("VACUUM ANALYZE " + schema + ".conversations, " + schema + ".agent_states, " + schema + ".messages");
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
  static void dropSchema() {
    if (schema != null) {
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** PostgreSQL's plan for a mapped statement with the given parameters, one line per step. */
  private static List<String> plan(String statement, Map<String, Object> parameters) throws SQLException {
    return plan(TestPostgres.url(schema), statement, parameters);
  }

  /** The plan of a mapped statement with the given parameters on the database at {@code url}. */
  static List<String> plan(String url, String statement, Map<String, Object> parameters) throws SQLException {
    MappedStatement mapped = MYBATIS.getMappedStatement(statement);
    BoundSql bound = mapped.getBoundSql(parameters);
    List<String> steps = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + bound.getSql())) {
      ParameterHandler binder = new DefaultParameterHandler(mapped, parameters, bound);
      binder.setParameters(explain);
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          steps.add(rows.getString(1).strip());
        }
      }
    }
    return steps;
  }

  /**
   * The plan PostgreSQL caches once a prepared statement has run five times, made without
   * parameter values (the driver prepares every statement it runs repeatedly). Read as PostgreSQL
   * 15 allows (16 also has {@code EXPLAIN (GENERIC_PLAN)}): prepared with generic plans forced,
   * then explained with every parameter null.
   */
  private static List<String> genericPlan(String statement, Map<String, Object> parameters) throws SQLException {
    String sql = MYBATIS.getMappedStatement(statement).getBoundSql(parameters).getSql();
    StringBuilder numbered = new StringBuilder();
    int parameter = 0;
    for (char c : sql.toCharArray()) {
      numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
    }
    String nulls = String.join(", ", Collections.nCopies(parameter, "NULL"));
    List<String> steps = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(TestPostgres.url(schema) + "&preferQueryMode=simple");
        Statement explain = connection.createStatement()) {
      explain.execute("SET plan_cache_mode = force_generic_plan");
      explain.execute("PREPARE generic AS " + numbered);
      try (ResultSet rows = explain.executeQuery("EXPLAIN EXECUTE generic" + (parameter == 0 ? "" : "(" + nulls + ")"))) {
        while (rows.next()) {
          steps.add(rows.getString(1).strip());
        }
      }
    }
    return steps;
  }

  private static void assertUsesIndexes(List<String> plan, String... expectedSteps) {
    assertTrue(plan.stream().noneMatch(step -> step.contains("Seq Scan")), () -> "sequential scan in " + plan);
    for (String expected : expectedSteps) {
      assertTrue(plan.stream().anyMatch(step -> step.contains(expected)), () -> "no '" + expected + "' in " + plan);
    }
  }

  static Map<String, Object> parameters(Object... keysAndValues) {
    Map<String, Object> parameters = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parameters.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return parameters;
  }

  @Test
  void historyWindowsReadARangeOfThePrimaryKeyFilteredOrNotInTheirCustomAndTheirGenericPlan() throws SQLException {
    for (String window : List.of("last", "before", "after", "lastOfAll", "beforeOfAll", "afterOfAll")) {
      String statement = "dev.convostore.sql.MessageMapper." + window;
      for (Map<String, Object> parameters : List.of(
          parameters("owner", sample.owner(), "id", sample.id(), "sequence", 20L, "limit", 20),
          parameters("owner", sample.owner(), "id", sample.id(), "sequence", 20L, "limit", 20, "roles", java.util.Set.of(dev.convostore.domain.MessageRole.USER),
          "kinds", java.util.Set.of(dev.convostore.domain.MessageKind.TEXT, dev.convostore.domain.MessageKind.TOOL_RESULT)),
          parameters("owner", sample.owner(), "id", sample.id(), "sequence", 20L, "limit", null, "toolNames", java.util.Set.of("weather")))) {
        for (List<String> plan : List.of(plan(statement, parameters), genericPlan(statement, parameters))) {
          assertUsesIndexes(plan, "Index Scan", "using messages_pkey on messages");
          assertTrue(plan.stream().noneMatch(step -> step.startsWith("Sort")), () -> window + " sorts: " + plan);
        }
      }
    }
  }

  @Test
  void aRetryLooksItsClientIdsUpInTheIdIndexInItsCustomAndItsGenericPlan() throws SQLException {
    String statement = "dev.convostore.sql.MessageMapper.findByIds";
    Map<String, Object> parameters = parameters("owner", sample.owner(), "id", sample.id(),
        "ids", List.of(dev.convostore.domain.MessageId.newId(), dev.convostore.domain.MessageId.newId()));
    for (List<String> plan : List.of(plan(statement, parameters), genericPlan(statement, parameters))) {
      assertUsesIndexes(plan, "using messages_client_id on messages");
    }
  }

  @Test
  void anAppendFindsItsConversationByPrimaryKeyInItsCustomAndItsGenericPlan() throws SQLException {
    String statement = "dev.convostore.sql.MessageMapper.allocate";
    Map<String, Object> parameters = parameters("owner", sample.owner(), "id", sample.id(), "count", 1,
        "at", START, "titleIfUntitled", null);
    for (List<String> plan : List.of(plan(statement, parameters), genericPlan(statement, parameters))) {
      assertUsesIndexes(plan, "using conversations_pkey on conversations");
    }
  }

  @Test
  void statisticsConversationReadsAndContextItemsStartFromTheConversationInTheirCustomAndGenericPlans()
      throws SQLException {
    Map<String, Object> parameters = parameters("owner", sample.owner(), "id", sample.id(), "sources", List.of(),
        "minRelevance", 0.0, "mostRelevantFirst", true, "limit", 10);
    for (String statement : List.of("ConversationMapper.find", "ConversationMapper.ownerOf")) {
      assertUsesIndexes(plan("dev.convostore.sql." + statement, parameters), "conversations_pkey");
    }
    // an index of messages or context items whose condition is the conversation, whichever the planner picks
    for (String statement : List.of("MessageMapper.countByRole", "MessageMapper.toolMessages", "MessageMapper.feedbackOf",
        "ContextItemMapper.list")) {
      for (boolean mostRelevantFirst : new boolean[] {true, false}) {
        parameters.put("mostRelevantFirst", mostRelevantFirst);
        List<String> filter = mostRelevantFirst ? List.of() : List.of("preference"); // context items filtered too
        parameters.put("contextTypes", filter);
        parameters.put("focusAreas", filter);
        parameters.put("preferenceTypes", filter);
        for (List<String> plan : List.of(plan("dev.convostore.sql." + statement, parameters),
            genericPlan("dev.convostore.sql." + statement, parameters))) {
          assertUsesIndexes(plan, "Index Cond: (conversation_id = ");
        }
      }
    }
  }

  @Test
  void listingStartsFromTheOwnersActivityIndex() throws SQLException {
    String statement = "dev.convostore.sql.ConversationMapper.list";
    Map<String, Object> parameters = parameters("owner", HEAVY, "limit", 20);
    for (List<String> plan : List.of(plan(statement, parameters), genericPlan(statement, parameters))) {
      assertUsesIndexes(plan, "conversations_by_owner_activity", "agent_states_pkey");
    }
  }

  @Test
  void aFilteredPageAfterACursorStillStartsFromTheOwnersActivityIndex() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.ConversationMapper.list", parameters(
        "owner", sample.owner(), "active", true, "afterTime", START.plusSeconds(400), "afterId", sample.id(),
        "filter", JsonObject.of("project", "p3"), "limit", 20));

    assertUsesIndexes(plan, "conversations_by_owner_activity");
  }

  @Test
  void listingByCreationStartsFromTheOwnersCreationIndex() throws SQLException {
    String statement = "dev.convostore.sql.ConversationMapper.list";
    for (Map<String, Object> parameters : List.of(parameters("owner", HEAVY, "byCreation", true, "limit", 20),
        parameters("owner", HEAVY, "byCreation", true, "active", true, "afterTime", START.plusSeconds(400),
            "afterId", sample.id(), "limit", 20))) {
      for (List<String> plan : List.of(plan(statement, parameters), genericPlan(statement, parameters))) {
        assertUsesIndexes(plan, "conversations_by_owner_creation", "agent_states_pkey");
      }
    }
  }

  @Test
  void recentActivityWalksTheOwnersTimeIndexInOrderInItsCustomAndItsGenericPlan() throws SQLException {
    String statement = "dev.convostore.sql.MessageMapper.recent";
    Map<String, Object> parameters = parameters("owner", sample.owner(), "limit", 20);
    for (List<String> plan : List.of(plan(statement, parameters), genericPlan(statement, parameters))) {
      assertUsesIndexes(plan, "using messages_by_owner_time on messages");
      // The index gives the time order; only messages that share a time are put in order among themselves.
      assertTrue(plan.stream().noneMatch(step -> step.replaceFirst("^->  ", "").startsWith("Sort  (")),
          () -> "recent activity sorts the owner's messages: " + plan);
      assertTrue(plan.stream().noneMatch(step -> step.startsWith("Sort Key")) || plan.contains("Presorted Key: created_at"),
          () -> "recent activity sorts more than ties in time: " + plan);
    }
  }

  @Test
  void toolUsageReadsTheOwnersTimeRangeInItsCustomAndItsGenericPlan() throws SQLException {
    String statement = "dev.convostore.sql.MessageMapper.toolMessagesBetween";
    // One of the heavy user's 50 conversations: the range, not the user's whole history, is read.
    Map<String, Object> parameters = parameters("owner", HEAVY, "from", START.plusSeconds(10), "to", START.plusSeconds(11));
    for (List<String> plan : List.of(plan(statement, parameters), genericPlan(statement, parameters))) {
      assertUsesIndexes(plan, "messages_by_owner_time");
    }
  }

  @Test
  void searchFilteredOrNotAsksTheFullTextIndex() throws SQLException {
    for (Map<String, Object> parameters : List.of(
        search("'word7042' & 'conversation'", List.of("word7042", "conversation"), 20),
        search("'word7042' & 'conversation'", List.of("word7042", "conversation"), 20,
            "roles", java.util.Set.of(dev.convostore.domain.MessageRole.USER),
            "kinds", java.util.Set.of(dev.convostore.domain.MessageKind.TEXT)),
        search("'word7042' & 'conversation'", List.of("word7042", "conversation"), null,
            "toolNames", java.util.Set.of("weather")))) {
      List<String> plan = plan("dev.convostore.sql.MessageMapper.search", parameters);

      assertUsesIndexes(plan, "Bitmap Index Scan on messages_search");
    }
  }

  /**
   * A word in every message of the user: reading the user's newest messages until 20 match is the
   * cheap plan, and it looks for the word in each message's text before it builds their vector.
   */
  @Test
  void aSearchThatReadsTheOwnersNewestMessagesTestsTheirWordsBeforeBuildingTheirVector() throws SQLException {
    List<String> plan = plan("dev.convostore.sql.MessageMapper.search", search("'conversation'", List.of("conversation"), 20));

    assertUsesIndexes(plan, "Index Scan Backward using messages_by_owner_time");
    String filter = plan.stream().filter(step -> step.startsWith("Filter:")).findFirst().orElseThrow(() -> new AssertionError(plan));
    assertTrue(filter.contains("strpos") && filter.indexOf("strpos") < filter.indexOf("@@"), () -> "the vector built first: " + filter);
  }

  /** A search of the heavy user's messages for {@code words}, as the full-text query {@code query}, and more parameters. */
  private static Map<String, Object> search(String query, List<String> words, Integer limit, Object... more) {
    Map<String, Object> parameters = parameters(more);
    parameters.putAll(parameters("owner", HEAVY, "query", query, "words", words, "limit", limit));
    return parameters;
  }
}
