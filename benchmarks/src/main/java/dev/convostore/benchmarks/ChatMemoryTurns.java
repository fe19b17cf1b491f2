package dev.convostore.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.langchain4j.ConvostoreChatMemoryStore;
import dev.convostore.integration.springai.ConvostoreChatMemoryRepository;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.PostgresChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.SqliteChatMemoryRepositoryDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chat turn through each framework's window memory, on the framework's own persistent store and
 * on convostore's, side by side on the same SQLite file and the same PostgreSQL server (pools of
 * 2), at 10, 100 and 1,000 stored messages; and the bytes each stores per message.
 *
 * <p>Spring AI: its {@code JdbcChatMemoryRepository}; a turn is {@code add} of a question and its
 * answer, then {@code get}. LangChain4j: a store written the way its community's persistent stores
 * are (one JSON row per memory, {@link BlobChatMemoryStore}); a turn is {@code add} of the question,
 * {@code add} of the answer, then {@code messages()}. The framework's store runs under a window of
 * 20 (it then keeps only the window) and with full history (a window larger than the conversation:
 * every save reads and rewrites everything); convostore runs under the window of 20 and keeps the
 * full history in both cases. The sides are timed turn by turn, in an order shuffled each round, so
 * that a slow phase of a shared machine falls on each, and each side's turn follows each other
 * side's as often (a turn costs more after another side's work, which leaves the CPU's caches cold).
 *
 * <p>A fourth side is the floor: the statements a store that keeps every message cannot avoid under
 * the framework's calls, in plain JDBC on a table of message rows ({@link FloorJdbc}), each
 * framework call that reads being one query of the last 20 rows and each that saves being one
 * INSERT of the new rows, the sequence known to the caller. It is no store (it trusts the caller
 * to save only what is new); it shows how fast any store could be on this machine.
 *
 * <p>Run: {@code ./mvnw -q -B package -pl benchmarks -am -DskipTests && java -cp
 * benchmarks/target/benchmarks.jar dev.convostore.benchmarks.ChatMemoryTurns [REPORT.md]}.
 */
public final class ChatMemoryTurns {

  /** The conversation sizes a turn is timed at. */
  private static final int[] STORED = {10, 100, 1_000};

  /** Turns timed per size and side. */
  private static final int TURNS = 200;

  /**
   * Turns each side makes before any is timed, on conversations of at most {@link
   * #WARM_UP_CONVERSATION} turns: enough for the JIT to compile every side's path fully.
   */
  private static final int WARM_UP_TURNS = 15_000;
  private static final int WARM_UP_CONVERSATION = 10;

  /** The window memories' size; full history is a window no conversation here reaches. */
  private static final int WINDOW = 20;
  private static final int FULL_HISTORY = 1_000_000;

  /** The conversations written whole for the bytes per message. */
  private static final int BULK_CONVERSATIONS = 200;
  private static final int BULK_MESSAGES = 100;

  private static final UserId USER = UserId.of("bench");

  /** The sides' order in each round, the same from run to run. */
  private static final Random ORDER = new Random(20);

  private final Map<String, List<String>> tables = new LinkedHashMap<>();

  private ChatMemoryTurns() {}

  /** One way of keeping a chat's memory: a turn, and conversations written whole beforehand. */
  private interface Side {
    void turn(String conversation, int turn);

    void preload(String conversation, int messages);
  }

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "benchmarks/target/chat-memory.md");
    ChatMemoryTurns benchmark = new ChatMemoryTurns();
    try (WorkFolder work = new WorkFolder("convostore-chat-memory")) {
      benchmark.sqlite(work.resolve("shared.db").toString());
    }
    benchmark.postgres();
    StringBuilder markdown = new StringBuilder();
    benchmark.tables.forEach((framework, rows) -> markdown.append("### ").append(framework).append("\n\n| store | stored messages | ")
        .append(framework.startsWith("Spring") ? "Spring AI JDBC" : "JSON row per memory").append(", window of 20 | ")
        .append(framework.startsWith("Spring") ? "Spring AI JDBC" : "JSON row per memory")
        .append(", full history | floor | convostore (full history) | full history / convostore | full history / floor |\n"
            + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        .append(String.join("\n", rows)).append("\n\n"));
    markdown.append("Medians (and 99th percentiles) of ").append(TURNS).append(" turns, measured ").append(java.time.LocalDate.now())
        .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(".\n");
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.out.println("written to " + report);
  }

  private void sqlite(String file) throws Exception {
    try (ConvoStore store = ConvoStore.open("jdbc:sqlite:" + file);
        HikariDataSource pool = Jdbc.pool("jdbc:sqlite:" + file + "?" + Jdbc.SQLITE_NO_GENERATED_KEYS, "PRAGMA synchronous=NORMAL")) {
      Jdbc.execute(pool, Jdbc.springAiSchema("schema-sqlite.sql") + ";" + BlobChatMemoryStore.SCHEMA);
      String springAiTables = "name IN ('SPRING_AI_CHAT_MEMORY', 'SPRING_AI_CHAT_MEMORY_CONVERSATION_ID_TIMESTAMP_IDX',"
          + " 'SPRING_AI_CHAT_MEMORY_CONVERSATION_ID_SEQUENCE_ID_IDX')";
      String blobTables = "name IN ('chat_memory', 'sqlite_autoindex_chat_memory_1')";
      String ours = "SELECT sum(pgsize) FROM dbstat WHERE NOT " + springAiTables + " AND NOT " + blobTables
          + " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'convostore_schema_history%'";
      compare("SQLite", store, pool, new SqliteChatMemoryRepositoryDialect(), FloorJdbc.Dialect.SQLITE,
          "SELECT sum(pgsize) FROM dbstat WHERE " + springAiTables, "SELECT sum(pgsize) FROM dbstat WHERE " + blobTables,
          ours, "SELECT count(*) FROM messages");
    }
  }

  private void postgres() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB").start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      try (HikariDataSource pool = Jdbc.pool(url + "&currentSchema=frameworks", null)) {
        Jdbc.execute(pool, "CREATE SCHEMA bench; CREATE SCHEMA frameworks; SET search_path = frameworks;"
            + Jdbc.springAiSchema("schema-postgresql.sql") + ";" + BlobChatMemoryStore.SCHEMA);
        Properties properties = new Properties();
        properties.setProperty("convostore.url", url + "&currentSchema=bench");
        properties.setProperty("convostore.pool-size", "2");
        try (ConvoStore store = ConvoStore.open(properties)) {
          compare("PostgreSQL", store, pool, new PostgresChatMemoryRepositoryDialect(), FloorJdbc.Dialect.POSTGRESQL,
              "SELECT pg_total_relation_size('frameworks.spring_ai_chat_memory')",
              "SELECT pg_total_relation_size('frameworks.chat_memory')",
              "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE n.nspname = 'bench' AND c.relkind = 'r' AND c.relname <> 'convostore_schema_history'",
              "SELECT count(*) FROM bench.messages");
        }
      }
    }
  }

  /** Both frameworks on one database: bytes first (the same conversations written whole), then turns. */
  private void compare(String adapter, ConvoStore store, HikariDataSource pool, JdbcChatMemoryRepositoryDialect dialect,
      FloorJdbc.Dialect floorDialect, String springAiBytes, String blobBytes, String ourBytes, String ourMessages) throws SQLException {
    ChatMemoryRepository springAi = JdbcChatMemoryRepository.builder().jdbcTemplate(new JdbcTemplate(pool)).dialect(dialect).build();
    ChatMemoryRepository ourRepository = ConvostoreChatMemoryRepository.builder(store).user(USER).build();
    Map<String, Side> springAiSides = sides(window -> SpringAiSides.side(springAi, window),
        window -> SpringAiSides.side(ourRepository, window));
    ChatMemoryStore blob = new BlobChatMemoryStore(pool);
    ChatMemoryStore ourStore = ConvostoreChatMemoryStore.builder(store).user(USER).build();
    Map<String, Side> langChain4jSides = sides(window -> LangChain4jSides.side(blob, window),
        window -> LangChain4jSides.side(ourStore, window));
    FloorJdbc floor = new FloorJdbc(pool, floorDialect);
    springAiSides.put("floor", new FloorSide(floor, "Spring AI", false));
    langChain4jSides.put("floor", new FloorSide(floor, "LangChain4j", true));
    for (int i = 0; i < BULK_CONVERSATIONS; i++) {
      springAiSides.get("full").preload("bulk-" + i, BULK_MESSAGES);
      springAiSides.get("convostore").preload("bulk-" + i, BULK_MESSAGES);
    }
    long oursAfterSpringAi = Jdbc.single(pool, ourBytes);
    long messagesAfterSpringAi = Jdbc.single(pool, ourMessages);
    for (int i = 0; i < BULK_CONVERSATIONS; i++) {
      langChain4jSides.get("full").preload("bulk-" + i, BULK_MESSAGES);
      langChain4jSides.get("convostore").preload("bulk-" + i, BULK_MESSAGES);
    }
    String bulk = "| " + adapter + String.format(Locale.ROOT, " | bytes per stored message (%,d conversations of %d) | ",
        BULK_CONVERSATIONS, BULK_MESSAGES) + "%d B | | | %d B | | |";
    rows("Spring AI").add(String.format(Locale.ROOT, bulk,
        Jdbc.single(pool, springAiBytes) / Jdbc.single(pool, "SELECT count(*) FROM SPRING_AI_CHAT_MEMORY"),
        oursAfterSpringAi / messagesAfterSpringAi));
    rows("LangChain4j").add(String.format(Locale.ROOT, bulk,
        Jdbc.single(pool, blobBytes) / ((long) BULK_CONVERSATIONS * BULK_MESSAGES),
        (Jdbc.single(pool, ourBytes) - oursAfterSpringAi) / (Jdbc.single(pool, ourMessages) - messagesAfterSpringAi)));
    turns(adapter, "Spring AI", springAiSides);
    turns(adapter, "LangChain4j", langChain4jSides);
  }

  /** The framework's store under the window and with full history, and convostore's under the window. */
  private static Map<String, Side> sides(IntFunction<Side> theirs, IntFunction<Side> ours) {
    Map<String, Side> sides = new LinkedHashMap<>();
    sides.put("window", theirs.apply(WINDOW));
    sides.put("full", theirs.apply(FULL_HISTORY));
    sides.put("convostore", ours.apply(WINDOW));
    return sides;
  }

  private void turns(String adapter, String framework, Map<String, Side> sides) {
    sides.forEach((side, memory) -> {
      for (int i = 0; i < WARM_UP_TURNS; i++) { // warm-up of the JIT and the pools, on conversations of its own
        memory.turn(side + "-warm-up-" + i / WARM_UP_CONVERSATION, i);
      }
    });
    for (int stored : STORED) {
      Map<String, Latencies> latencies = new LinkedHashMap<>();
      sides.forEach((side, memory) -> {
        memory.preload(side + "-" + stored, stored);
        latencies.put(side, new Latencies(TURNS));
      });
      for (int i = 0; i < TURNS; i++) {
        int turn = i;
        List<String> order = new ArrayList<>(sides.keySet());
        Collections.shuffle(order, ORDER);
        for (String side : order) {
          latencies.get(side).time(() -> sides.get(side).turn(side + "-" + stored, turn));
        }
      }
      Latencies full = latencies.get("full");
      Latencies ours = latencies.get("convostore");
      Latencies floor = latencies.get("floor");
      rows(framework).add(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %.1f | %.1f |", adapter, stored,
          text(latencies.get("window")), text(full), text(floor), text(ours),
          full.medianMillis() / ours.medianMillis(), full.medianMillis() / floor.medianMillis()));
    }
  }

  private List<String> rows(String framework) {
    return tables.computeIfAbsent(framework, name -> new ArrayList<>());
  }

  private static String text(Latencies latencies) {
    return String.format(Locale.ROOT, "%.3f (%.3f) ms", latencies.medianMillis(), latencies.p99Millis());
  }

  /** Spring AI's window memory over its repository and over convostore's. */
  private static final class SpringAiSides {
    private SpringAiSides() {}

    static Side side(ChatMemoryRepository repository, int window) {
      var memory = org.springframework.ai.chat.memory.MessageWindowChatMemory.builder()
          .chatMemoryRepository(repository).maxMessages(window).build();
      return new Side() {
        @Override
        public void turn(String conversation, int turn) {
          memory.add(conversation, List.of(
              new org.springframework.ai.chat.messages.UserMessage(Texts.question(turn)),
              new org.springframework.ai.chat.messages.AssistantMessage(Texts.answer(turn))));
          memory.get(conversation);
        }

        @Override
        public void preload(String conversation, int messages) {
          List<org.springframework.ai.chat.messages.Message> list = new ArrayList<>();
          for (int i = 0; i < messages / 2; i++) {
            list.add(new org.springframework.ai.chat.messages.UserMessage(Texts.earlierQuestion(i)));
            list.add(new org.springframework.ai.chat.messages.AssistantMessage(Texts.earlierAnswer(i)));
          }
          repository.saveAll(conversation, list);
        }
      };
    }
  }

  /** LangChain4j's window memory over the JSON-row store and over convostore's. */
  private static final class LangChain4jSides {
    private LangChain4jSides() {}

    static Side side(ChatMemoryStore store, int window) {
      return new Side() {
        @Override
        public void turn(String conversation, int turn) {
          var memory = dev.langchain4j.memory.chat.MessageWindowChatMemory.builder()
              .id(conversation).maxMessages(window).chatMemoryStore(store).build();
          memory.add(dev.langchain4j.data.message.UserMessage.from(Texts.question(turn)));
          memory.add(dev.langchain4j.data.message.AiMessage.from(Texts.answer(turn)));
          memory.messages();
        }

        @Override
        public void preload(String conversation, int messages) {
          List<dev.langchain4j.data.message.ChatMessage> list = new ArrayList<>();
          for (int i = 0; i < messages / 2; i++) {
            list.add(dev.langchain4j.data.message.UserMessage.from(Texts.earlierQuestion(i)));
            list.add(dev.langchain4j.data.message.AiMessage.from(Texts.earlierAnswer(i)));
          }
          store.updateMessages(conversation, list);
        }
      };
    }
  }

  /**
   * The floor of a turn: each framework call that reads is one query of the last {@value #WINDOW}
   * rows, and each that saves one INSERT of the rows it adds (a Spring AI turn saves the question
   * and the answer together, a LangChain4j turn each on its own).
   */
  private static final class FloorSide implements Side {
    private final FloorJdbc floor;
    private final String framework;
    private final boolean savesEachMessage;
    private final Map<String, Long> lastSequences = new HashMap<>();

    /** The floor of {@code framework}'s turn, which saves each message on its own or the two together. */
    FloorSide(FloorJdbc floor, String framework, boolean savesEachMessage) {
      this.floor = floor;
      this.framework = framework;
      this.savesEachMessage = savesEachMessage;
    }

    @Override
    public void turn(String conversation, int turn) {
      UUID id = id(conversation);
      List<FloorJdbc.Row> turnRows = List.of(row(conversation, "user", Texts.question(turn)),
          row(conversation, "assistant", Texts.answer(turn)));
      if (savesEachMessage) {
        for (FloorJdbc.Row row : turnRows) {
          floor.last(id, WINDOW);
          floor.insert(id, row);
        }
      } else {
        floor.last(id, WINDOW);
        floor.insertAll(id, turnRows);
      }
      floor.last(id, WINDOW);
    }

    @Override
    public void preload(String conversation, int messages) {
      List<FloorJdbc.Row> rows = new ArrayList<>();
      for (int i = 0; i < messages / 2; i++) {
        rows.add(row(conversation, "user", Texts.earlierQuestion(i)));
        rows.add(row(conversation, "assistant", Texts.earlierAnswer(i)));
      }
      floor.insertAll(id(conversation), rows);
    }

    private FloorJdbc.Row row(String conversation, String role, String content) {
      return new FloorJdbc.Row(lastSequences.merge(conversation, 1L, Long::sum), role, content);
    }

    /** Each framework's floor has conversations of its own. */
    private UUID id(String conversation) {
      return UUID.nameUUIDFromBytes((framework + "/" + conversation).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Messages of about 60 characters. */
  private static final class Texts {
    private Texts() {}

    static String question(int turn) {
      return "Question " + turn + ": what should I pack for Lisbon in May?";
    }

    static String answer(int turn) {
      return "Answer " + turn + ": light layers, a rain jacket, and comfortable walking shoes.";
    }

    static String earlierQuestion(int i) {
      return "Earlier question " + i + ": which museums open on Mondays near the river?";
    }

    static String earlierAnswer(int i) {
      return "Earlier answer " + i + ": most close on Mondays; the aquarium does not.";
    }
  }
}
