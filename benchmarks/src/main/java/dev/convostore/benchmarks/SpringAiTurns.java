package dev.convostore.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.springai.ConvostoreChatMemoryRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.PostgresChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.SqliteChatMemoryRepositoryDialect;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring AI chat turn ({@code add} of a question and its answer, then {@code get}) on Spring AI's
 * {@code JdbcChatMemoryRepository} and on {@link ConvostoreChatMemoryRepository}, side by side on
 * the same SQLite file and the same PostgreSQL server (pools of 2), at 10, 100 and 1,000 stored
 * messages; and the bytes each stores per message.
 *
 * <p>Spring AI's repository runs under {@code MessageWindowChatMemory(20)} (it then keeps only the
 * window) and with full history (a window larger than the conversation: it reads and rewrites
 * everything on each save). convostore runs under the window of 20 and keeps the full history in
 * both cases. The three are timed turn by turn, in turn, so that a slow phase of a shared machine
 * falls on each.
 *
 * <p>Run: {@code ./mvnw -q -B package -pl benchmarks -am -DskipTests && java -cp
 * benchmarks/target/benchmarks.jar dev.convostore.benchmarks.SpringAiTurns [REPORT.md]}.
 */
public final class SpringAiTurns {

  private static final int[] STORED = {10, 100, 1_000};
  private static final int TURNS = 200;
  private static final int WINDOW = 20;
  private static final int FULL_HISTORY = 1_000_000;
  private static final int BULK_CONVERSATIONS = 200;
  private static final int BULK_MESSAGES = 100;

  private final List<String> rows = new ArrayList<>();

  private SpringAiTurns() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "benchmarks/target/spring-ai.md");
    SpringAiTurns benchmark = new SpringAiTurns();
    Path work = Files.createTempDirectory("convostore-spring-ai");
    benchmark.sqlite(work.resolve("shared.db").toString());
    benchmark.postgres();
    String markdown = "| store | stored messages | Spring AI JDBC, window of 20 | Spring AI JDBC, full history"
        + " | convostore (full history) | full history / convostore |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
        + String.join("\n", benchmark.rows) + "\n\nMedians (and 99th percentiles) of " + TURNS + " turns, measured "
        + java.time.LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ".\n";
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.out.println("written to " + report);
  }

  private void sqlite(String file) throws Exception {
    try (ConvoStore store = ConvoStore.open("jdbc:sqlite:" + file);
        HikariDataSource pool = pool("jdbc:sqlite:" + file, "PRAGMA synchronous=NORMAL")) {
      execute(pool, resource("schema-sqlite.sql"));
      JdbcChatMemoryRepository springAi = JdbcChatMemoryRepository.builder()
          .jdbcTemplate(new JdbcTemplate(pool)).dialect(new SqliteChatMemoryRepositoryDialect()).build();
      ChatMemoryRepository convostore = bulk(store, springAi);
      String theirs = "name IN ('SPRING_AI_CHAT_MEMORY', 'SPRING_AI_CHAT_MEMORY_CONVERSATION_ID_TIMESTAMP_IDX',"
          + " 'SPRING_AI_CHAT_MEMORY_CONVERSATION_ID_SEQUENCE_ID_IDX')";
      bytes("SQLite", pool, "SELECT sum(pgsize) FROM dbstat WHERE " + theirs,
          "SELECT count(*) FROM SPRING_AI_CHAT_MEMORY",
          "SELECT sum(pgsize) FROM dbstat WHERE NOT " + theirs + " AND name NOT LIKE 'sqlite_%'"
              + " AND name NOT LIKE 'convostore_schema_history%'",
          "SELECT count(*) FROM messages");
      run("SQLite", convostore, springAi);
    }
  }

  private void postgres() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB").start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      try (HikariDataSource pool = pool(url + "&currentSchema=springai", null)) {
        execute(pool, "CREATE SCHEMA bench; CREATE SCHEMA springai; SET search_path = springai;"
            + resource("schema-postgresql.sql"));
        try (ConvoStore store = ConvoStore.open(properties(url + "&currentSchema=bench", "convostore.pool-size", "2"))) {
          JdbcChatMemoryRepository springAi = JdbcChatMemoryRepository.builder()
              .jdbcTemplate(new JdbcTemplate(pool)).dialect(new PostgresChatMemoryRepositoryDialect()).build();
          ChatMemoryRepository convostore = bulk(store, springAi);
          execute(pool, "VACUUM ANALYZE");
          bytes("PostgreSQL", pool, "SELECT pg_total_relation_size('springai.spring_ai_chat_memory')",
              "SELECT count(*) FROM springai.spring_ai_chat_memory",
              "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE n.nspname = 'bench' AND c.relkind = 'r' AND c.relname <> 'convostore_schema_history'",
              "SELECT count(*) FROM bench.messages");
          run("PostgreSQL", convostore, springAi);
        }
      }
    }
  }

  /** Stores the same conversations through both repositories, for their bytes; returns convostore's. */
  private static ChatMemoryRepository bulk(ConvoStore store, ChatMemoryRepository springAi) {
    ChatMemoryRepository convostore = ConvostoreChatMemoryRepository.builder(store).user(UserId.of("bench")).build();
    for (int i = 0; i < BULK_CONVERSATIONS; i++) {
      List<Message> messages = conversation(BULK_MESSAGES);
      springAi.saveAll("bulk-" + i, messages);
      convostore.saveAll("bulk-" + i, messages);
    }
    return convostore;
  }

  private void run(String adapter, ChatMemoryRepository convostore, ChatMemoryRepository springAi) {
    Map<String, ChatMemory> sides = new LinkedHashMap<>();
    sides.put("window", MessageWindowChatMemory.builder().chatMemoryRepository(springAi).maxMessages(WINDOW).build());
    sides.put("full", MessageWindowChatMemory.builder().chatMemoryRepository(springAi).maxMessages(FULL_HISTORY).build());
    sides.put("convostore", MessageWindowChatMemory.builder().chatMemoryRepository(convostore).maxMessages(WINDOW).build());
    sides.forEach((side, memory) -> {
      for (int i = 0; i < 2 * TURNS; i++) { // warm-up of the JIT and the pools, on a conversation of its own
        turn(memory, side + "-warm-up", i);
      }
    });
    for (int stored : STORED) {
      Map<String, Latencies> latencies = new LinkedHashMap<>();
      sides.forEach((side, memory) -> {
        String id = side + "-" + stored;
        (side.equals("convostore") ? convostore : springAi).saveAll(id, conversation(stored));
        latencies.put(side, new Latencies(TURNS));
      });
      for (int i = 0; i < TURNS; i++) {
        int turn = i;
        List<String> order = new ArrayList<>(sides.keySet());
        java.util.Collections.rotate(order, i);
        for (String side : order) {
          latencies.get(side).time(() -> turn(sides.get(side), side + "-" + stored, turn));
        }
      }
      Latencies full = latencies.get("full");
      Latencies ours = latencies.get("convostore");
      rows.add(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %.1f |", adapter, stored,
          text(latencies.get("window")), text(full), text(ours), full.medianMillis() / ours.medianMillis()));
    }
  }

  private static void turn(ChatMemory memory, String conversationId, int turn) {
    memory.add(conversationId, List.of(new UserMessage("Question " + turn + ": what should I pack for Lisbon in May?"),
        new AssistantMessage("Answer " + turn + ": light layers, a rain jacket, and comfortable walking shoes.")));
    memory.get(conversationId);
  }

  private static List<Message> conversation(int messages) {
    List<Message> conversation = new ArrayList<>(messages);
    for (int i = 0; i < messages / 2; i++) {
      conversation.add(new UserMessage("Earlier question " + i + ": which museums open on Mondays near the river?"));
      conversation.add(new AssistantMessage("Earlier answer " + i + ": most close on Mondays; the aquarium does not."));
    }
    return conversation;
  }

  private void bytes(String adapter, HikariDataSource pool, String theirBytes, String theirMessages, String ourBytes,
      String ourMessages) throws SQLException {
    double theirs = (double) single(pool, theirBytes) / single(pool, theirMessages);
    double ours = (double) single(pool, ourBytes) / single(pool, ourMessages);
    rows.add(String.format(Locale.ROOT, "| %s | bytes per stored message (%,d conversations of %d) | %.0f B | | %.0f B | |",
        adapter, BULK_CONVERSATIONS, BULK_MESSAGES, theirs, ours));
  }

  private static String text(Latencies latencies) {
    return String.format(Locale.ROOT, "%.3f (%.3f) ms", latencies.medianMillis(), latencies.p99Millis());
  }

  private static HikariDataSource pool(String url, String initSql) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    if (initSql != null) {
      config.setConnectionInitSql(initSql);
    }
    return new HikariDataSource(config);
  }

  private static java.util.Properties properties(String url, String key, String value) {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("convostore.url", url);
    properties.setProperty(key, value);
    return properties;
  }

  private static String resource(String name) throws Exception {
    try (var in = JdbcChatMemoryRepository.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void execute(HikariDataSource pool, String sql) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      for (String one : sql.split(";")) {
        if (!one.isBlank()) {
          statement.execute(one);
        }
      }
    }
  }

  private static long single(HikariDataSource pool, String sql) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
