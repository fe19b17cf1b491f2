package dev.convostore.adapter.postgres;

import static dev.convostore.adapter.postgres.PostgresQueryPlanTest.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a Citus cluster (the {@code citus} profile), the statements as the mapper files write them,
 * explained by the coordinator over 100,000 imported messages: what one conversation owns is read
 * and written on one shard (one task); what one user owns fans out to every shard, and the calls
 * still return exactly what was stored. The import spread the rows over both workers.
 */
class CitusPlanTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Pattern TASKS = Pattern.compile("Task Count: (\\d+)");
  private static final int USERS = 100;
  private static final int CONVERSATIONS_PER_USER = 10;
  private static final int MESSAGES_PER_CONVERSATION = 100;

  private static String schema;
  private static Storage storage;
  private static UseCases store;
  private static Conversation sample;

  @BeforeAll
  static void populate() {
    assumeTrue(TestPostgres.distributed(), "the plans of a Citus cluster: run by the citus profile");
    schema = TestPostgres.newSchema();
    storage = TestPostgres.openIn(schema, Map.of());
    store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
    List<ConversationSnapshot> snapshots = new ArrayList<>();
    for (int user = 0; user < USERS; user++) {
      for (int c = 0; c < CONVERSATIONS_PER_USER; c++) {
        snapshots.add(conversation(UserId.of("user-" + user), snapshots.size()));
      }
    }
    sample = snapshots.get(7).conversation();
    store.transfer().importAll(snapshots.iterator(), ImportMode.NEVER_BACKWARDS);
  }

  /** A conversation of 100 messages, each with a word of its own, and one context item. */
  private static ConversationSnapshot conversation(UserId owner, int index) {
    ConversationId id = ConversationId.newId();
    Instant createdAt = START.plusSeconds(index);
    List<Message> messages = new ArrayList<>();
    for (int m = 1; m <= MESSAGES_PER_CONVERSATION; m++) {
      messages.add(NewMessage.user("message " + m + " of conversation " + index + " word" + (index * 1000 + m))
          .toMessage(MessageId.newId(), id, owner, m, createdAt.plusMillis(m)));
    }
    Conversation conversation = new Conversation(id, owner, Optional.empty(), true, createdAt,
        createdAt.plusMillis(MESSAGES_PER_CONVERSATION), MESSAGES_PER_CONVERSATION, MESSAGES_PER_CONVERSATION,
        JsonObject.empty(), AgentState.initial(), 1);
    ContextItem item = new ContextItem(
        ContextItemId.newId(), id, NewContextItem.of(ContextSource.RAG, "remembered " + index, 0.5), createdAt);
    return new ConversationSnapshot(conversation, messages, List.of(item));
  }

  @AfterAll
  static void dropSchema() {
    if (storage != null) {
      storage.close();
      TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /**
   * The coordinator's plan of a mapped statement with the given parameters, one line per step. The
   * driver writes the values into the statement (Citus plans an append's parameters only when it
   * runs it, not for EXPLAIN): the plan the values get, as the store's calls do.
   */
  private static List<String> plan(String statement, Map<String, Object> parameters) throws SQLException {
    return PostgresQueryPlanTest.plan(TestPostgres.url(schema) + "&preferQueryMode=simple", statement, parameters);
  }

  /** The number of tasks of every distributed step of the plan. */
  private static List<Integer> taskCounts(List<String> plan) {
    List<Integer> counts = new ArrayList<>();
    for (String step : plan) {
      Matcher tasks = TASKS.matcher(step);
      if (tasks.find()) {
        counts.add(Integer.parseInt(tasks.group(1)));
      }
    }
    return counts;
  }

  private static void assertOneShard(List<String> plan) {
    List<Integer> tasks = taskCounts(plan);
    assertFalse(tasks.isEmpty(), () -> "not a distributed plan: " + plan);
    assertTrue(tasks.stream().allMatch(count -> count == 1), () -> "more than one shard: " + plan);
  }

  private static void assertEveryShard(List<String> plan) throws SQLException {
    int shards = shardCount();
    assertTrue(taskCounts(plan).contains(shards), () -> "not every one of the " + shards + " shards: " + plan);
  }

  private static int shardCount() throws SQLException {
    try (Connection connection = DriverManager.getConnection(TestPostgres.url(schema));
        PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = to_regclass('messages')");
        ResultSet result = query.executeQuery()) {
      result.next();
      return result.getInt(1);
    }
  }

  @Test
  void anAppendWritesOneShard() throws SQLException {
    Message message = NewMessage.user("one more word").toMessage(
        MessageId.newId(), sample.id(), sample.owner(), 101, START.plusSeconds(100_000));
    assertOneShard(plan("dev.convostore.adapter.postgres.PostgresMessageInserts.appendOne", parameters(
        "owner", sample.owner(), "id", sample.id(), "count", 1, "expectedLastSequence", null,
        "at", message.createdAt(), "titleIfUntitled", null, "m", SearchableMessage.of(message))));
  }

  @Test
  void historyStatisticsAndContextOfOneConversationReadOneShard() throws SQLException {
    Map<String, Object> conversation = parameters("owner", sample.owner(), "id", sample.id(), "sequence", 50L,
        "limit", 20);
    for (String statement : List.of("MessageMapper.last", "MessageMapper.before", "MessageMapper.after",
        "MessageMapper.lastOfAll", "MessageMapper.beforeOfAll", "MessageMapper.afterOfAll",
        "MessageMapper.countByRole", "MessageMapper.toolMessages", "MessageMapper.feedbackOf", "ConversationMapper.find")) {
      assertOneShard(plan("dev.convostore.sql." + statement, conversation));
    }
    assertOneShard(plan("dev.convostore.sql.ContextItemMapper.list", parameters("id", sample.id(),
        "minRelevance", 0.0, "sources", List.of(), "contextTypes", List.of("preference"), "focusAreas", List.of(),
        "preferenceTypes", List.of(), "mostRelevantFirst", true, "limit", 20)));
  }

  @Test
  void aUsersListingRecentActivityAndSearchFanOutAndReturnExactlyTheirOwn() throws SQLException {
    UserId owner = sample.owner();
    assertEveryShard(plan("dev.convostore.sql.ConversationMapper.list", parameters("owner", owner, "limit", 20)));
    assertEveryShard(plan("dev.convostore.sql.MessageMapper.recent", parameters("owner", owner, "limit", 20)));
    assertEveryShard(plan("dev.convostore.sql.MessageMapper.search",
        parameters("owner", owner, "query", "'message'", "words", List.of("message"), "limit", 20)));

    List<Conversation> listed = store.conversations().list(ListConversations.of(owner, 100)).conversations();
    assertEquals(CONVERSATIONS_PER_USER, listed.size());
    assertTrue(listed.stream().allMatch(c -> c.owner().equals(owner)));
    List<Message> recent = store.history().recentActivity(owner, 20);
    assertEquals(20, recent.size());
    assertTrue(recent.stream().allMatch(m -> m.owner().equals(owner)));
    String word = "word" + (7 * 1000 + 42);
    List<Message> found = store.history().search(owner, word, 20);
    assertEquals(1, found.size());
    assertEquals(42, found.get(0).sequence());
    assertEquals(List.of(), store.history().search(UserId.of("user-1"), word, 20), "another user's word");
    assertEquals(MESSAGES_PER_CONVERSATION,
        store.history().history(owner, sample.id(), HistoryRequest.last(1000)).size());
  }

  @Test
  void theImportSpreadsOverBothWorkersWithinAFactorOfTwo() throws SQLException {
    Map<String, Long> rowsPerWorker = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(TestPostgres.url(schema));
        PreparedStatement query = connection.prepareStatement("""
            SELECT s.nodename || ':' || s.nodeport, sum(r.result::bigint)
            FROM run_command_on_shards('messages', 'SELECT count(*) FROM %s') r
            JOIN citus_shards s ON s.shardid = r.shardid
            GROUP BY 1
            """);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        rowsPerWorker.put(rows.getString(1), rows.getLong(2));
      }
    }
    assertEquals(2, rowsPerWorker.size(), rowsPerWorker::toString);
    assertEquals((long) USERS * CONVERSATIONS_PER_USER * MESSAGES_PER_CONVERSATION,
        rowsPerWorker.values().stream().mapToLong(Long::longValue).sum());
    long most = rowsPerWorker.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long least = rowsPerWorker.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    assertTrue(most <= 2 * least, rowsPerWorker::toString);
  }
}
