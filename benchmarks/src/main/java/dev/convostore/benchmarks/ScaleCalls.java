package dev.convostore.benchmarks;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One store per SQL database grown from 100,000 to 1,000,000 to 10,000,000 messages through the
 * public import API, each user's calls timed at every size: whether a call costs the same in a
 * large store as in a small one. Users are messages / 1,000, each with 10 conversations of 100
 * messages of about 100 characters from a 200-word Zipf vocabulary (tool calls included) and 2
 * context items per conversation; searches look for the commonest word ("the") and the rarest
 * ("zeppelin") in one user's 1,000 messages, limited to 20. After each growth of the PostgreSQL
 * store it prints the size of every table and index, to show where the bytes go.
 *
 * <p>Run: {@code ./mvnw -q -B package -pl benchmarks -am -DskipTests && java -cp
 * benchmarks/target/benchmarks.jar dev.convostore.benchmarks.ScaleCalls [--max MESSAGES] [--stores
 * SQLite,PostgreSQL,H2] [REPORT.md]} (default: up to 10,000,000 messages, every store, {@code
 * benchmarks/target/scale.md}).
 */
public final class ScaleCalls {

  private static final long[] SIZES = {100_000, 1_000_000, 10_000_000};
  private static final int MESSAGES_PER_USER = 1_000;
  private static final int CONVERSATIONS_PER_USER = 10;
  private static final int MESSAGES_PER_CONVERSATION = MESSAGES_PER_USER / CONVERSATIONS_PER_USER;
  /** Calls of each kind timed at each size, unless they take longer than the time below. */
  private static final int CALLS = 300;
  private static final long CALL_BUDGET_NANOS = Duration.ofSeconds(20).toNanos();
  private static final int WARM_UP_CALLS = 50;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] WORDS = words();

  private final List<String> rows = new ArrayList<>();
  private final List<Long> sizes;

  private ScaleCalls(List<Long> sizes) {
    this.sizes = sizes;
  }

  public static void main(String[] args) throws Exception {
    long max = SIZES[SIZES.length - 1];
    List<String> stores = List.of("SQLite", "PostgreSQL", "H2");
    Path report = Path.of("benchmarks/target/scale.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--max" -> max = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
        case "--stores" -> stores = List.of(args[++i].split(","));
        default -> report = Path.of(args[i]);
      }
    }
    long largest = max;
    ScaleCalls benchmark = new ScaleCalls(java.util.Arrays.stream(SIZES).filter(size -> size <= largest).boxed().toList());
    if (stores.contains("SQLite")) {
      try (WorkFolder work = new WorkFolder("convostore-scale")) {
        Path file = work.resolve("scale.db");
        benchmark.run("SQLite", "jdbc:sqlite:" + file, () -> { }, () -> Files.size(file) + walSize(file));
      }
    }
    if (stores.contains("PostgreSQL")) {
      try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("shared_buffers", sharedBuffers()).start()) {
        String url = server.getJdbcUrl("postgres", "postgres");
        // What autovacuum does some time after a growth (statistics for the planner, the search
        // index's pending entries merged), done at once so that every size is timed settled.
        benchmark.run("PostgreSQL", url, () -> Jdbc.execute(url, "VACUUM ANALYZE"), () -> {
          printRelationSizes(url);
          return Jdbc.single(url, "SELECT sum(pg_total_relation_size(c.oid))"
              + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
              + " WHERE n.nspname = 'public' AND c.relkind = 'r'");
        });
      }
    }
    if (stores.contains("H2")) {
      try (WorkFolder work = new WorkFolder("convostore-scale")) {
        Path file = work.resolve("scale");
        benchmark.run("H2", "jdbc:h2:file:" + file, () -> { }, () -> Files.size(Path.of(file + ".mv.db")));
      }
    }
    String markdown = benchmark.markdown();
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.out.println("written to " + report);
  }

  /**
   * A quarter of the machine's memory, the starting point PostgreSQL's documentation gives for a
   * dedicated server: the buffers of a server sized for the store, not a fixed amount that the
   * store outgrows between two sizes.
   */
  private static String sharedBuffers() {
    long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return (memory / 4 >> 20) + "MB";
  }

  /** Where PostgreSQL's bytes go: each table (its TOAST included) and index, largest first. */
  private static void printRelationSizes(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet sizes = statement.executeQuery("SELECT c.relname, pg_table_size(c.oid)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') ORDER BY 2 DESC")) {
      while (sizes.next()) {
        System.out.printf(Locale.ROOT, "  %-36s %,15d B%n", sizes.getString(1), sizes.getLong(2));
      }
    }
  }

  private static long walSize(Path file) throws java.io.IOException {
    Path wal = Path.of(file + "-wal");
    return Files.exists(wal) ? Files.size(wal) : 0;
  }

  /** A size on disk, read after the store has closed. */
  private interface Bytes {
    long read() throws Exception;
  }

  /** What the database does after a growth, before it is measured. */
  private interface Settle {
    void run() throws Exception;
  }

  private void run(String store, String url, Settle settle, Bytes bytes) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("convostore.url", url);
    properties.setProperty("convostore.pool-size", "2");
    Map<String, Map<Long, Latencies>> byCall = new LinkedHashMap<>();
    Map<Long, String> storage = new LinkedHashMap<>();
    long users = 0;
    for (long size : sizes) {
      long wanted = size / MESSAGES_PER_USER;
      long from = users;
      long started = System.nanoTime();
      try (ConvoStore convostore = ConvoStore.open(properties)) {
        convostore.transfer().importAll(new Users(from, wanted), ImportMode.NEVER_BACKWARDS);
      }
      users = wanted;
      System.out.printf(Locale.ROOT, "%s: grown to %,d messages in %.0f s%n", store, size,
          (System.nanoTime() - started) / 1e9);
      settle.run();
      storage.put(size, String.format(Locale.ROOT, "%.0f B", (double) bytes.read() / size));
      try (ConvoStore convostore = ConvoStore.open(properties)) {
        time(convostore, users, size).forEach((call, latencies) ->
            byCall.computeIfAbsent(call, any -> new LinkedHashMap<>()).put(size, latencies));
      }
      System.gc();
      storage.put(size, storage.get(size) + String.format(Locale.ROOT, ", heap %d MB",
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
    }
    byCall.forEach((call, latencies) -> {
      StringBuilder row = new StringBuilder("| " + store + " | " + call + " |");
      latencies.values().forEach(l -> row.append(String.format(Locale.ROOT, " %.3f (%.3f) |", l.medianMillis(), l.p99Millis())));
      row.append(ratio(latencies)).append(" |");
      rows.add(row.toString());
    });
    StringBuilder row = new StringBuilder("| " + store + " | bytes per message, every index; the JVM's heap |");
    storage.values().forEach(value -> row.append(' ').append(value).append(" |"));
    rows.add(row.append(sizes.size() > 1 ? " |" : "").toString());
  }

  /** The largest size's median and p99 over the size before it's. */
  private String ratio(Map<Long, Latencies> latencies) {
    if (sizes.size() < 2) {
      return "";
    }
    Latencies last = latencies.get(sizes.get(sizes.size() - 1));
    Latencies before = latencies.get(sizes.get(sizes.size() - 2));
    return String.format(Locale.ROOT, " %.2f (%.2f)", last.medianMillis() / before.medianMillis(),
        last.p99Millis() / before.p99Millis());
  }

  /** Each call, on users drawn at random, alternating so that a slow phase of the machine falls on each. */
  private static Map<String, Latencies> time(ConvoStore store, long users, long size) {
    SplittableRandom random = new SplittableRandom(size);
    Map<String, Consumer<Long>> calls = new LinkedHashMap<>();
    calls.put("search \"the\" (commonest word)", user -> store.history().search(Users.id(user), "the", 20));
    calls.put("search \"zeppelin\" (rarest word)", user -> store.history().search(Users.id(user), "zeppelin", 20));
    calls.put("append", user -> store.messages().append(Users.id(user), Users.conversation(user, random.nextInt(10)),
        NewMessage.user(text(random, 100))));
    calls.put("history, last 20", user -> store.history().history(Users.id(user),
        Users.conversation(user, random.nextInt(10)), HistoryRequest.last(20)));
    calls.put("list conversations, 20", user -> store.conversations().list(ListConversations.of(Users.id(user), 20)));
    calls.put("recent activity, 20", user -> store.history().recentActivity(Users.id(user), 20));
    calls.put("statistics", user -> store.history().statistics(Users.id(user), Users.conversation(user, random.nextInt(10))));
    calls.put("context items, top 10", user -> store.context().list(Users.id(user),
        Users.conversation(user, random.nextInt(10)), ContextQuery.topK(10)));
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      calls.values().forEach(call -> call.accept(random.nextLong(users)));
    }
    Map<String, Latencies> latencies = new LinkedHashMap<>();
    Map<String, Long> spent = new LinkedHashMap<>();
    calls.keySet().forEach(call -> {
      latencies.put(call, new Latencies(CALLS));
      spent.put(call, 0L);
    });
    for (int i = 0; i < CALLS; i++) {
      for (Map.Entry<String, Consumer<Long>> call : calls.entrySet()) {
        if (spent.get(call.getKey()) > CALL_BUDGET_NANOS) {
          continue; // a call this slow has been timed often enough
        }
        long user = random.nextLong(users);
        long started = System.nanoTime();
        latencies.get(call.getKey()).time(() -> call.getValue().accept(user));
        spent.merge(call.getKey(), System.nanoTime() - started, Long::sum);
      }
    }
    return latencies;
  }

  /** The users {@code from} (inclusive) to {@code to} (exclusive), one conversation at a time. */
  private static final class Users implements Iterator<ConversationSnapshot> {
    private final long to;
    private long user;
    private int conversation;

    Users(long from, long to) {
      this.user = from;
      this.to = to;
    }

    static UserId id(long user) {
      return UserId.of(String.format(Locale.ROOT, "user-%07d", user));
    }

    /** The same id for the same user and number, in every run. */
    static ConversationId conversation(long user, int number) {
      return new ConversationId(UUID.nameUUIDFromBytes((id(user).value() + "/" + number).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean hasNext() {
      return user < to;
    }

    @Override
    public ConversationSnapshot next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SplittableRandom random = new SplittableRandom(user * 31 + conversation);
      // users follow each other in time, as they would arrive
      Instant createdAt = START.plus(Duration.ofMinutes(user * CONVERSATIONS_PER_USER + conversation));
      ConversationSnapshot.Builder snapshot = ConversationSnapshot.builder(conversation(user, conversation), id(user), createdAt)
          .title("Conversation " + conversation);
      for (int sequence = 1; sequence <= MESSAGES_PER_CONVERSATION; sequence++) {
        snapshot.message(message(random, sequence), createdAt.plusMillis(sequence * 100L));
      }
      for (int item = 0; item < 2; item++) {
        snapshot.contextItem(NewContextItem.of(ContextSource.RAG, text(random, 100), random.nextDouble()), createdAt);
      }
      if (++conversation == CONVERSATIONS_PER_USER) {
        conversation = 0;
        user++;
      }
      return snapshot.build();
    }

    /** User and assistant turns; every tenth pair is a tool call and its result. */
    private static NewMessage message(SplittableRandom random, int sequence) {
      if (sequence % 20 == 9) {
        return NewMessage.toolCalls("", new ToolCall("call-" + sequence, "lookup", JsonObject.of("query", text(random, 30))));
      }
      if (sequence % 20 == 10) {
        return NewMessage.toolResult(ToolResult.of("call-" + (sequence - 1), "lookup", ToolOutcome.SUCCESS), text(random, 100));
      }
      return sequence % 2 == 1 ? NewMessage.user(text(random, 100)) : NewMessage.assistant(text(random, 100));
    }
  }

  /** About {@code length} characters of words whose rank r comes with probability proportional to 1/r. */
  private static String text(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder(length + 16);
    while (text.length() < length) {
      double harmonic = random.nextDouble() * Math.log(WORDS.length + 1);
      int rank = (int) Math.min(WORDS.length - 1, Math.floor(Math.exp(harmonic)) - 1);
      text.append(text.length() == 0 ? "" : " ").append(WORDS[rank]);
    }
    return text.toString();
  }

  /** 200 words, commonest first; "zeppelin" is the rarest. */
  private static String[] words() {
    String[] common = ("the of and to a in is you that it he was for on are as with his they i at be this have from"
        + " or one had by word but not what all were we when your can said there use an each which she do how their if"
        + " will up other about out many then them these so some her would make like him into time has look two more"
        + " write go see number no way could people my than first water been call who oil its now find long down day"
        + " did get come made may part weather tomorrow trip hotel flight price order refund account password invoice")
        .split(" ");
    String[] words = new String[200];
    for (int rank = 0; rank < words.length; rank++) {
      words[rank] = rank < common.length ? common[rank] : "word" + rank;
    }
    words[words.length - 1] = "zeppelin";
    return words;
  }

  private String markdown() {
    StringBuilder header = new StringBuilder("| store | call |");
    StringBuilder rule = new StringBuilder("| --- | --- |");
    for (long size : sizes) {
      header.append(String.format(Locale.ROOT, " %,d |", size));
      rule.append(" ---: |");
    }
    if (sizes.size() > 1) {
      header.append(String.format(Locale.ROOT, " %,d / %,d |", sizes.get(sizes.size() - 1), sizes.get(sizes.size() - 2)));
      rule.append(" ---: |");
    }
    StringBuilder text = new StringBuilder(header).append('\n').append(rule).append('\n');
    rows.forEach(row -> text.append(row).append('\n'));
    return text.append("\nMedians (99th percentiles) in ms, measured ").append(LocalDate.now()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
        .append(".\n").toString();
  }
}
