package dev.convostore.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ImportMode;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.memory.repository.jdbc.H2ChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.PostgresChatMemoryRepositoryDialect;
import org.springframework.ai.chat.memory.repository.jdbc.SqliteChatMemoryRepositoryDialect;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The write path side by side, in one run, on SQLite, PostgreSQL (embedded) and H2: Spring AI's
 * {@code JdbcChatMemoryRepository} (which reads and rewrites the whole conversation on every
 * save), a plain JDBC floor ({@link FloorJdbc}) and convostore's public API. Each side has its own
 * file (SQLite, H2) or schema (PostgreSQL, one server) with the same settings and a pool of 2, and
 * each workload runs once with a realistic vocabulary and once with random text ({@link
 * Vocabulary}). Calls are timed one by one, the sides in turn (the order rotating), so that a slow
 * phase of a shared machine falls on each; the report gives medians and ratios.
 *
 * <p>Workloads: a turn at 10, 100 and 1,000 stored messages (Spring AI: its window memory with
 * full history, which reads all and rewrites all; floor: the two rows inserted in one transaction,
 * then the last 20 read; convostore: the two messages appended, then the last 20 read); an append
 * alone at 10 and 1,000 (floor: one autocommit INSERT); a bulk import of 1,000 conversations of
 * 100 messages (convostore's import, its search index complete at the end); the bytes stored per
 * message, with and without convostore's search index; the last 20 of a 1,000-message conversation.
 *
 * <p>Run: {@code ./mvnw -q -B package -pl benchmarks -am -DskipTests && java -cp
 * benchmarks/target/benchmarks.jar dev.convostore.benchmarks.WritePath [REPORT.md [STORES]]}
 * (default {@code benchmarks/target/write-path.md} and {@code SQLite,PostgreSQL,H2}).
 */
public final class WritePath {

  private static final int[] STORED = {10, 100, 1_000};
  private static final int TURNS = 200;
  private static final int APPENDS = 500;
  private static final int READS = 1_000;
  private static final int BULK_CONVERSATIONS = 1_000;
  private static final int BULK_MESSAGES = 100;
  /** Messages each size's conversations hold in all, so that a turn lands on one that stays near its size. */
  private static final int MESSAGES_PER_SIZE = 20_000;
  private static final int FULL_HISTORY = 1_000_000;
  private static final UserId USER = UserId.of("bench");

  private final List<String> rows = new ArrayList<>();

  private WritePath() {}

  /** The three sides on one database, and what each stores on disk. */
  private record Sides(String store, Vocabulary vocabulary, ChatMemoryRepository springAi, FloorJdbc floor,
      ConvoStore convostore, Bytes bytes) {}

  /** A size on disk, read from the database. */
  private interface Size {
    long bytes() throws SQLException;
  }

  /** Bytes on disk of each side; convostore's with and without its search index. */
  private record Bytes(Size springAi, Size floor, Size convostore, Size convostoreWithoutSearch) {
    long convostore(boolean withSearchIndex) throws SQLException {
      return (withSearchIndex ? convostore : convostoreWithoutSearch).bytes();
    }
  }

  /** One conversation set on the three sides, each preloaded with the same messages. */
  private record Conversations(List<String> springAi, List<UUID> floor, List<ConversationId> convostore, long[] next) {
    int size() {
      return floor.size();
    }
  }

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "benchmarks/target/write-path.md");
    List<String> stores = List.of((args.length > 1 ? args[1] : "SQLite,PostgreSQL,H2").split(","));
    WritePath benchmark = new WritePath();
    try (WorkFolder work = new WorkFolder("convostore-write-path")) {
      if (stores.contains("SQLite")) {
        for (Vocabulary vocabulary : Vocabulary.values()) {
          benchmark.sqlite(work.resolve("sqlite-" + vocabulary.name().toLowerCase(Locale.ROOT)), vocabulary);
        }
      }
      if (stores.contains("PostgreSQL")) {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB").start()) {
          for (Vocabulary vocabulary : Vocabulary.values()) {
            benchmark.postgres(server.getJdbcUrl("postgres", "postgres"), vocabulary);
          }
        }
      }
      if (stores.contains("H2")) {
        for (Vocabulary vocabulary : Vocabulary.values()) {
          benchmark.h2(work.resolve("h2-" + vocabulary.name().toLowerCase(Locale.ROOT)), vocabulary);
        }
      }
    }
    String markdown = benchmark.markdown();
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.out.println("written to " + report);
  }

  private void sqlite(Path folder, Vocabulary vocabulary) throws Exception {
    Files.createDirectories(folder);
    String settings = "?journal_mode=WAL&synchronous=NORMAL&" + Jdbc.SQLITE_NO_GENERATED_KEYS;
    Path springAiFile = folder.resolve("spring-ai.db");
    Path floorFile = folder.resolve("floor.db");
    Path ourFile = folder.resolve("convostore.db");
    try (HikariDataSource springAiPool = Jdbc.pool("jdbc:sqlite:" + springAiFile + settings, null);
        FloorJdbc floor = new FloorJdbc(Jdbc.pool("jdbc:sqlite:" + floorFile + settings, null), FloorJdbc.Dialect.SQLITE);
        ConvoStore convostore = ConvoStore.open("jdbc:sqlite:" + ourFile)) {
      run(new Sides("SQLite", vocabulary, springAi(springAiPool, "schema-sqlite.sql", new SqliteChatMemoryRepositoryDialect()),
          floor, convostore, new Bytes(() -> sqliteBytes(springAiFile, "1 = 1"), () -> sqliteBytes(floorFile, "1 = 1"),
              () -> sqliteBytes(ourFile, "1 = 1"), () -> sqliteBytes(ourFile,
                  "name NOT LIKE 'message_search%' AND name NOT IN ('search_progress', 'messages_by_search_rowid')"))));
    }
  }

  private static long sqliteBytes(Path file, String condition) throws SQLException {
    return Jdbc.single("jdbc:sqlite:" + file, "SELECT sum(pgsize) FROM dbstat WHERE name <> 'sqlite_schema'"
        + " AND name NOT LIKE 'convostore_schema_history%' AND " + condition);
  }

  private void postgres(String url, Vocabulary vocabulary) throws Exception {
    String suffix = "_" + vocabulary.name().toLowerCase(Locale.ROOT);
    Jdbc.execute(url, "CREATE SCHEMA spring_ai" + suffix + "; CREATE SCHEMA floor" + suffix + "; CREATE SCHEMA convostore" + suffix);
    Properties properties = new Properties();
    properties.setProperty("convostore.url", url + "&currentSchema=convostore" + suffix);
    properties.setProperty("convostore.pool-size", "2");
    try (HikariDataSource springAiPool = Jdbc.pool(url + "&currentSchema=spring_ai" + suffix, null);
        FloorJdbc floor = new FloorJdbc(Jdbc.pool(url + "&currentSchema=floor" + suffix, null), FloorJdbc.Dialect.POSTGRESQL);
        ConvoStore convostore = ConvoStore.open(properties)) {
      run(new Sides("PostgreSQL", vocabulary,
          springAi(springAiPool, "schema-postgresql.sql", new PostgresChatMemoryRepositoryDialect()), floor, convostore,
          new Bytes(() -> schemaBytes(url, "spring_ai" + suffix), () -> schemaBytes(url, "floor" + suffix),
              () -> schemaBytes(url, "convostore" + suffix),
              () -> schemaBytes(url, "convostore" + suffix) - Jdbc.single(url, "SELECT pg_relation_size('convostore"
                  + suffix + ".messages_search') + (SELECT sum(pg_column_size(words)) FROM convostore" + suffix + ".messages)"))));
    }
  }

  private static long schemaBytes(String url, String schema) throws SQLException {
    return Jdbc.single(url, "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
        + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relkind = 'r'"
        + " AND c.relname <> 'convostore_schema_history'");
  }

  private void h2(Path folder, Vocabulary vocabulary) throws Exception {
    // H2 hands back a statement's last result when nothing changed since: no side keeps one.
    String settings = ";QUERY_CACHE_SIZE=0";
    String springAiUrl = "jdbc:h2:file:" + folder.resolve("spring-ai") + settings;
    String floorUrl = "jdbc:h2:file:" + folder.resolve("floor") + settings;
    String ourUrl = "jdbc:h2:file:" + folder.resolve("convostore") + settings;
    try (HikariDataSource springAiPool = Jdbc.pool(springAiUrl, null);
        HikariDataSource floorPool = Jdbc.pool(floorUrl, null);
        FloorJdbc floor = new FloorJdbc(floorPool, FloorJdbc.Dialect.H2);
        ConvoStore convostore = ConvoStore.open(ourUrl)) {
      run(new Sides("H2", vocabulary, springAi(springAiPool, "schema-h2.sql", new H2ChatMemoryRepositoryDialect()),
          // H2 reports a table's space with its indexes; the word table is the search index.
          floor, convostore, new Bytes(() -> Jdbc.single(springAiPool, "SELECT DISK_SPACE_USED('SPRING_AI_CHAT_MEMORY')"),
              () -> Jdbc.single(floorPool, "SELECT DISK_SPACE_USED('FLOOR_MESSAGES')"),
              () -> Jdbc.single(ourUrl + ";USER=sa", H2_CONVOSTORE_BYTES + " + DISK_SPACE_USED('MESSAGE_WORDS')"),
              () -> Jdbc.single(ourUrl + ";USER=sa", H2_CONVOSTORE_BYTES))));
    }
  }

  private static final String H2_CONVOSTORE_BYTES =
      "SELECT DISK_SPACE_USED('CONVERSATIONS') + DISK_SPACE_USED('AGENT_STATES') + DISK_SPACE_USED('MESSAGES')";

  private static ChatMemoryRepository springAi(HikariDataSource pool, String schema, JdbcChatMemoryRepositoryDialect dialect)
      throws SQLException {
    Jdbc.execute(pool, Jdbc.springAiSchema(schema));
    return JdbcChatMemoryRepository.builder().jdbcTemplate(new JdbcTemplate(pool)).dialect(dialect).build();
  }

  private void run(Sides sides) throws SQLException {
    // The JIT and the pools, before anything is timed: imports, turns.
    preload(sides, "warm-up-import", BULK_MESSAGES, BULK_CONVERSATIONS / 10);
    timeTurns(sides, preload(sides, "warm-up", 10, 10), 2 * TURNS);
    bulk(sides);
    for (int stored : STORED) {
      Conversations conversations = preload(sides, "turn-" + stored, stored, Math.min(TURNS, MESSAGES_PER_SIZE / stored));
      Latencies[] turns = timeTurns(sides, conversations, TURNS);
      double toSpringAi = turns[2].medianMillis() / turns[0].medianMillis();
      add(sides, "a turn at " + String.format(Locale.ROOT, "%,d", stored) + " stored messages", text(turns[0]),
          text(turns[1]), text(turns[2]), toSpringAi, turns[2].medianMillis() / turns[1].medianMillis(),
          stored == 1_000 ? verdict(toSpringAi <= 0.05, "≤ 0.05 of Spring AI") : verdict(toSpringAi < 1, "< Spring AI"));
      if (stored == 1_000) {
        reads(sides, conversations);
      }
    }
    for (int stored : new int[] {10, 1_000}) {
      appends(sides, preload(sides, "append-" + stored, stored, Math.min(APPENDS, MESSAGES_PER_SIZE / stored)), stored);
    }
  }

  /** Spring AI, floor and convostore latencies of {@code count} turns over {@code conversations}. */
  private Latencies[] timeTurns(Sides sides, Conversations conversations, int count) {
    MessageWindowChatMemory springAiMemory = MessageWindowChatMemory.builder()
        .chatMemoryRepository(sides.springAi()).maxMessages(FULL_HISTORY).build();
    Latencies[] latencies = {new Latencies(count), new Latencies(count), new Latencies(count)};
    List<IntConsumer> timed = List.of(
        i -> latencies[0].time(() -> {
          String id = conversations.springAi().get(i % conversations.size());
          springAiMemory.add(id, List.of(new UserMessage(question(sides, i)), new AssistantMessage(answer(sides, i))));
          springAiMemory.get(id);
        }),
        i -> latencies[1].time(() -> {
          int c = i % conversations.size();
          long next = conversations.next()[c];
          sides.floor().insertAll(conversations.floor().get(c), List.of(
              new FloorJdbc.Row(next, "user", question(sides, i)), new FloorJdbc.Row(next + 1, "assistant", answer(sides, i))));
          conversations.next()[c] = next + 2;
          sides.floor().last(conversations.floor().get(c), 20);
        }),
        i -> latencies[2].time(() -> {
          ConversationId id = conversations.convostore().get(i % conversations.size());
          sides.convostore().messages().append(AppendMessages.of(USER, id,
              NewMessage.user(question(sides, i)), NewMessage.assistant(answer(sides, i))));
          sides.convostore().history().history(USER, id, HistoryRequest.last(20));
        }));
    inTurn(timed, count);
    return latencies;
  }

  private void appends(Sides sides, Conversations conversations, int stored) {
    Latencies floor = new Latencies(APPENDS);
    Latencies ours = new Latencies(APPENDS);
    inTurn(List.of(
        i -> floor.time(() -> {
          int c = i % conversations.size();
          sides.floor().insert(conversations.floor().get(c), new FloorJdbc.Row(conversations.next()[c]++, "user", question(sides, i)));
        }),
        i -> ours.time(() -> sides.convostore().messages().append(
            USER, conversations.convostore().get(i % conversations.size()), NewMessage.user(question(sides, i))))), APPENDS);
    double ratio = ours.medianMillis() / floor.medianMillis();
    add(sides, "an append alone at " + String.format(Locale.ROOT, "%,d", stored) + " stored messages", "", text(floor),
        text(ours), Double.NaN, ratio, verdict(ratio <= 3, "≤ 3 × floor"));
  }

  private void reads(Sides sides, Conversations conversations) {
    Latencies floor = new Latencies(READS);
    Latencies ours = new Latencies(READS);
    inTurn(List.of(
        i -> floor.time(() -> sides.floor().last(conversations.floor().get(i % conversations.size()), 20)),
        i -> ours.time(() -> sides.convostore().history().history(
            USER, conversations.convostore().get(i % conversations.size()), HistoryRequest.last(20)))), READS);
    double ratio = ours.medianMillis() / floor.medianMillis();
    add(sides, "the last 20 of a 1,000-message conversation", "", text(floor), text(ours), Double.NaN, ratio,
        verdict(ratio <= 1.5, "≤ 1.5 × floor"));
  }

  /** Calls each side {@code count} times, the sides in turn, the one that goes first rotating. */
  private static void inTurn(List<IntConsumer> sides, int count) {
    List<IntConsumer> order = new ArrayList<>(sides);
    for (int i = 0; i < count; i++) {
      for (IntConsumer side : order) {
        side.accept(i);
      }
      Collections.rotate(order, 1);
    }
  }

  /** Imports the same conversations into each side, a tenth at a time, in turn; then the bytes they take. */
  private void bulk(Sides sides) throws SQLException {
    long[] bytesBefore = {sides.bytes().springAi().bytes(), sides.bytes().floor().bytes(),
        sides.bytes().convostore(false), sides.bytes().convostore(true)};
    int slices = 10;
    long[] nanos = new long[3];
    for (int slice = 0; slice < slices; slice++) {
      int from = slice * BULK_CONVERSATIONS / slices;
      int to = (slice + 1) * BULK_CONVERSATIONS / slices;
      List<Runnable> imports = List.of(
          () -> {
            for (int c = from; c < to; c++) {
              sides.springAi().saveAll("bulk-" + c, springAiMessages(sides, c, BULK_MESSAGES));
            }
          },
          () -> {
            for (int c = from; c < to; c++) {
              sides.floor().insertAll(UUID.nameUUIDFromBytes(("bulk-" + c).getBytes(StandardCharsets.UTF_8)),
                  floorRows(sides, c, BULK_MESSAGES));
            }
          },
          () -> {
            sides.convostore().transfer().importAll(snapshots(sides, "bulk", from, to, BULK_MESSAGES).iterator(),
                ImportMode.NEVER_BACKWARDS);
            if (to == BULK_CONVERSATIONS) { // the search index complete: one search uses it
              sides.convostore().history().search(USER, "the", 1);
            }
          });
      for (int k = 0; k < 3; k++) {
        int side = (slice + k) % 3;
        long started = System.nanoTime();
        imports.get(side).run();
        nanos[side] += System.nanoTime() - started;
      }
    }
    double messages = (double) BULK_CONVERSATIONS * BULK_MESSAGES;
    double[] perSecond = {messages / (nanos[0] / 1e9), messages / (nanos[1] / 1e9), messages / (nanos[2] / 1e9)};
    add(sides, String.format(Locale.ROOT, "bulk import of %,d conversations × %d messages", BULK_CONVERSATIONS, BULK_MESSAGES),
        rate(perSecond[0]), rate(perSecond[1]), rate(perSecond[2]), perSecond[2] / perSecond[0], perSecond[2] / perSecond[1],
        verdict(perSecond[2] >= perSecond[0], "≥ Spring AI"));
    double springAi = (sides.bytes().springAi().bytes() - bytesBefore[0]) / messages;
    double floor = (sides.bytes().floor().bytes() - bytesBefore[1]) / messages;
    for (boolean withSearchIndex : new boolean[] {false, true}) {
      double ours = (sides.bytes().convostore(withSearchIndex) - bytesBefore[withSearchIndex ? 3 : 2]) / messages;
      double limit = withSearchIndex ? 1.6 : 1.3;
      add(sides, "bytes on disk per message, " + (withSearchIndex ? "with" : "without") + " convostore's search index",
          bytes(springAi), bytes(floor), bytes(ours), ours / springAi, ours / floor,
          verdict(ours / springAi <= limit, "≤ " + limit + " × Spring AI"));
    }
  }

  /** {@code count} conversations of {@code messages} messages on each side. */
  private Conversations preload(Sides sides, String prefix, int messages, int count) {
    List<String> springAi = new ArrayList<>();
    List<UUID> floor = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      String id = prefix + "-" + c;
      springAi.add(id);
      sides.springAi().saveAll(id, springAiMessages(sides, c, messages));
      floor.add(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)));
      sides.floor().insertAll(floor.get(c), floorRows(sides, c, messages));
    }
    List<ConversationSnapshot> snapshots = snapshots(sides, prefix, 0, count, messages);
    sides.convostore().transfer().importAll(snapshots.iterator(), ImportMode.NEVER_BACKWARDS);
    long[] next = new long[count];
    java.util.Arrays.fill(next, messages + 1L);
    return new Conversations(springAi, floor, snapshots.stream().map(s -> s.conversation().id()).toList(), next);
  }

  private static List<Message> springAiMessages(Sides sides, int conversation, int count) {
    List<Message> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String text = earlier(sides, conversation, i);
      messages.add(i % 2 == 0 ? new UserMessage(text) : new AssistantMessage(text));
    }
    return messages;
  }

  private static List<FloorJdbc.Row> floorRows(Sides sides, int conversation, int count) {
    List<FloorJdbc.Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(new FloorJdbc.Row(i + 1, i % 2 == 0 ? "user" : "assistant", earlier(sides, conversation, i)));
    }
    return rows;
  }

  private static List<ConversationSnapshot> snapshots(Sides sides, String prefix, int from, int to, int count) {
    List<ConversationSnapshot> snapshots = new ArrayList<>(to - from);
    Instant at = Instant.now();
    for (int c = from; c < to; c++) {
      ConversationSnapshot.Builder snapshot = ConversationSnapshot.builder(
          new ConversationId(UUID.nameUUIDFromBytes((prefix + "-" + c).getBytes(StandardCharsets.UTF_8))), USER, at);
      for (int i = 0; i < count; i++) {
        String text = earlier(sides, c, i);
        snapshot.message(i % 2 == 0 ? NewMessage.user(text) : NewMessage.assistant(text), at);
      }
      snapshots.add(snapshot.build());
    }
    return snapshots;
  }

  private static String earlier(Sides sides, int conversation, int i) {
    return sides.vocabulary().text((long) conversation * 100_003 + i);
  }

  private static String question(Sides sides, int turn) {
    return sides.vocabulary().text(-2L * turn - 1);
  }

  private static String answer(Sides sides, int turn) {
    return sides.vocabulary().text(-2L * turn - 2);
  }

  private void add(Sides sides, String workload, String springAi, String floor, String ours, double toSpringAi,
      double toFloor, String target) {
    rows.add("| " + String.join(" | ", sides.store(), sides.vocabulary().label, workload, springAi, floor, ours,
        Double.isNaN(toSpringAi) ? "" : String.format(Locale.ROOT, "%.2f", toSpringAi),
        String.format(Locale.ROOT, "%.2f", toFloor), target) + " |");
    System.out.println(rows.get(rows.size() - 1));
  }

  private String markdown() {
    StringBuilder text = new StringBuilder("| store | text | workload | Spring AI JDBC | floor (plain JDBC) | convostore"
        + " | convostore / Spring AI | convostore / floor | target |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
    rows.forEach(row -> text.append(row).append('\n'));
    return text.append("\nLatencies are medians (99th percentiles); measured ").append(LocalDate.now()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
        .append(".\n").toString();
  }

  private static String text(Latencies latencies) {
    return String.format(Locale.ROOT, "%.3f (%.3f) ms", latencies.medianMillis(), latencies.p99Millis());
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f msg/s", perSecond);
  }

  private static String bytes(double perMessage) {
    return String.format(Locale.ROOT, "%.0f B", perMessage);
  }

  private static String verdict(boolean met, String target) {
    return target + (met ? ": met" : ": **missed**");
  }

}
