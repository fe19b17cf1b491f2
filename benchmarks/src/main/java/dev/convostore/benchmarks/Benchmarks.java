package dev.convostore.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Runs every workload through convostore and through minimal raw JDBC, side by side on the same
 * data, for SQLite, PostgreSQL 18 (embedded), H2 and memory, and writes a Markdown report.
 *
 * <p>Run: {@code ./mvnw -q -B package -pl benchmarks -am -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar [REPORT.md [STORES]]} (default {@code
 * benchmarks/target/benchmarks.md}, and every store: {@code SQLite,PostgreSQL,H2,memory}).
 * A plain harness rather than JMH: each workload needs a million-message database built once and
 * shared by both sides, and the two sides are timed call by call, alternately, on one machine.
 */
public final class Benchmarks {

  private static final int HISTORY_READS = 10_000;
  private static final int LISTINGS = 2_000;
  private static final int SEARCHES = 300;
  private static final int APPENDS = 1_000;

  private final Dataset data = new Dataset();
  private final List<String> rows = new ArrayList<>();

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "benchmarks/target/benchmarks.md");
    List<String> stores = List.of((args.length > 1 ? args[1] : "SQLite,PostgreSQL,H2,memory").split(","));
    Benchmarks benchmarks = new Benchmarks();
    try (WorkFolder work = new WorkFolder("convostore-benchmarks")) {
      if (stores.contains("SQLite")) {
        benchmarks.sqlite(work);
      }
      if (stores.contains("PostgreSQL")) {
        benchmarks.postgres();
      }
      if (stores.contains("H2")) {
        benchmarks.h2(work);
      }
    }
    if (stores.contains("memory")) {
      benchmarks.memory();
    }
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, benchmarks.markdown());
    System.out.println(benchmarks.markdown());
    System.out.println("written to " + report);
  }

  private void sqlite(WorkFolder work) throws Exception {
    String ours = work.resolve("convostore.db").toString();
    String raw = work.resolve("raw.db").toString();
    try (ConvostoreSide convostore = new ConvostoreSide("jdbc:sqlite:" + ours); RawSqlite floor = new RawSqlite(raw)) {
      load("SQLite", convostore, floor);
      storage("SQLite",
          sqliteBytes(ours, "'messages', 'messages_by_id', 'messages_by_owner_time'"),
          sqliteBytes(ours, "'messages', 'messages_by_id', 'messages_by_owner_time', 'messages_by_search_rowid',"
              + " 'message_search_data', 'message_search_idx', 'message_search_docsize', 'message_search_config'"),
          sqliteBytes(raw, "'raw_messages'"),
          sqliteBytes(raw, "'raw_messages', 'raw_search_data', 'raw_search_idx', 'raw_search_docsize',"
              + " 'raw_search_content', 'raw_search_config'"));
      workloads("SQLite", convostore, floor);
    }
  }

  private static long sqliteBytes(String file, String names) throws SQLException {
    return Jdbc.single("jdbc:sqlite:" + file, "SELECT sum(pgsize) FROM dbstat WHERE name IN (" + names + ")");
  }

  private void postgres() throws Exception {
    // Both sides share one server. Its buffer cache holds both data sets, as a production server's
    // would; with the embedded default (128 MB) reads would mostly measure the OS page cache.
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "2GB").start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      Jdbc.execute(url, "CREATE SCHEMA bench; CREATE SCHEMA raw");
      try (ConvostoreSide convostore = new ConvostoreSide(url + "&currentSchema=bench");
          RawPostgres floor = new RawPostgres(url + "&currentSchema=raw")) {
        long loaded = load("PostgreSQL", convostore, floor);
        Jdbc.execute(url, "VACUUM ANALYZE bench.conversations, bench.agent_states, bench.messages, raw.raw_conversations,"
            + " raw.raw_messages");
        long searchColumn = Jdbc.single(url, "SELECT sum(pg_column_size(words)) FROM bench.messages");
        long rawSearchColumn = Jdbc.single(url, "SELECT sum(pg_column_size(search)) FROM raw.raw_messages");
        long withIndexes = Jdbc.single(url, "SELECT pg_total_relation_size('bench.messages')");
        long rawWithIndexes = Jdbc.single(url, "SELECT pg_total_relation_size('raw.raw_messages')");
        storage("PostgreSQL",
            withIndexes - searchColumn - Jdbc.single(url, "SELECT pg_relation_size('bench.messages_search')"),
            withIndexes,
            rawWithIndexes - rawSearchColumn - Jdbc.single(url, "SELECT pg_relation_size('raw.raw_messages_search')"),
            rawWithIndexes);
        workloads("PostgreSQL", convostore, floor);
        if (loaded == 0) {
          throw new IllegalStateException("nothing loaded");
        }
      }
    }
  }

  private void h2(WorkFolder work) throws Exception {
    // A session of H2 keeps its last statements, and each one its last result, which it hands back
    // when the statement runs again with the same parameters and no table has changed since: that
    // would time a cache, so both sides keep no statements.
    String ours = "jdbc:h2:file:" + work.resolve("convostore") + ";QUERY_CACHE_SIZE=0";
    String raw = "jdbc:h2:file:" + work.resolve("raw") + ";QUERY_CACHE_SIZE=0";
    try (ConvostoreSide convostore = new ConvostoreSide(ours); RawH2 floor = new RawH2(raw)) {
      load("H2", convostore, floor);
      // H2 reports each table's space with its indexes; the word tables are the search index.
      String oursAsOwner = ours + ";USER=sa";
      String rawAsOwner = raw + ";USER=sa";
      storage("H2", Jdbc.single(oursAsOwner, "SELECT DISK_SPACE_USED('MESSAGES')"),
          Jdbc.single(oursAsOwner, "SELECT DISK_SPACE_USED('MESSAGES') + DISK_SPACE_USED('MESSAGE_WORDS')"),
          Jdbc.single(rawAsOwner, "SELECT DISK_SPACE_USED('RAW_MESSAGES')"),
          Jdbc.single(rawAsOwner, "SELECT DISK_SPACE_USED('RAW_MESSAGES') + DISK_SPACE_USED('RAW_WORDS')"));
      workloads("H2", convostore, floor);
    }
  }

  private void memory() throws Exception {
    try (ConvostoreSide convostore = new ConvostoreSide("memory:")) {
      long started = System.nanoTime();
      convostore.load(data);
      rows.add(row("memory", "bulk import of " + String.format(Locale.ROOT, "%,d", data.messageCount()) + " messages",
          String.format(Locale.ROOT, "%,.0f messages/s", data.messageCount() / seconds(started)), "", "", ""));
      workloads("memory", convostore, null);
    }
  }

  /**
   * Loads the dataset into both sides, a twentieth at a time and alternately (which side goes
   * first alternates too), so that a slow phase of a shared machine falls on both; returns the
   * messages loaded.
   */
  private long load(String adapter, Side convostore, Side floor) throws Exception {
    int slices = 20;
    long oursNanos = 0;
    long rawNanos = 0;
    for (int i = 0; i < slices; i++) {
      Dataset slice = data.slice(i * data.plans.size() / slices, (i + 1) * data.plans.size() / slices);
      for (Side side : i % 2 == 0 ? List.of(convostore, floor) : List.of(floor, convostore)) {
        long started = System.nanoTime();
        side.load(slice);
        if (side == convostore) {
          oursNanos += System.nanoTime() - started;
        } else {
          rawNanos += System.nanoTime() - started;
        }
      }
    }
    double ours = data.messageCount() / (oursNanos / 1e9);
    double raw = data.messageCount() / (rawNanos / 1e9);
    rows.add(row(adapter, "bulk import of " + String.format(Locale.ROOT, "%,d", data.messageCount()) + " messages",
        String.format(Locale.ROOT, "%,.0f messages/s", ours), String.format(Locale.ROOT, "%,.0f messages/s", raw),
        String.format(Locale.ROOT, "%.2f", ours / raw), verdict(ours / raw >= 0.7, "≥ 0.7")));
    return data.messageCount();
  }

  private void storage(String adapter, long without, long with, long rawWithout, long rawWith) {
    double messages = data.messageCount();
    rows.add(row(adapter, "bytes on disk per message, without search index",
        String.format(Locale.ROOT, "%.0f B", without / messages), String.format(Locale.ROOT, "%.0f B", rawWithout / messages),
        String.format(Locale.ROOT, "%.2f", (double) without / rawWithout), verdict((double) without / rawWithout <= 1.3, "≤ 1.3")));
    rows.add(row(adapter, "bytes on disk per message, with search index",
        String.format(Locale.ROOT, "%.0f B", with / messages), String.format(Locale.ROOT, "%.0f B", rawWith / messages),
        String.format(Locale.ROOT, "%.2f", (double) with / rawWith), ""));
  }

  private void workloads(String adapter, Side convostore, Side floor) {
    List<Dataset.Plan> histories = data.hundreds;
    compare(adapter, "history: last 20 of 100-message conversations, 1,000,000 messages in all", 1.5, HISTORY_READS,
        i -> side -> side.history(histories.get((int) ((i * 7919L) % histories.size()))), convostore, floor);
    compare(adapter, "list the 20 most recently active of a user's 10,000 conversations", 0, LISTINGS,
        i -> side -> side.list(Dataset.LISTER), convostore, floor);
    compare(adapter, "search \"" + Dataset.SEARCH_QUERY + "\" in a user's 100,000 messages", 0, SEARCHES,
        i -> side -> side.search(Dataset.SEARCHER, Dataset.SEARCH_QUERY), convostore, floor);
    Latencies ten = compare(adapter, "append to a conversation of 10 messages", 2.0, APPENDS,
        i -> side -> append(side, data.tens.get(i), i), convostore, floor);
    compare(adapter, "append to a conversation of 1,000 messages", 2.0, APPENDS,
        i -> side -> append(side, data.thousands.get(i % data.thousands.size()), i), convostore, floor);
    Latencies tenThousand = compare(adapter, "append to a conversation of 10,000 messages", 2.0, APPENDS,
        i -> side -> append(side, data.tenThousands.get(i % data.tenThousands.size()), i), convostore, floor);
    double flat = tenThousand.medianMillis() / ten.medianMillis();
    rows.add(row(adapter, "append stays flat: median at 10,000 messages / at 10", String.format(Locale.ROOT, "%.2f", flat),
        "", "", verdict(flat <= 1.2, "≤ 1.2")));
  }

  private static int append(Side side, Dataset.Plan plan, int n) {
    side.append(plan, n);
    return 1;
  }

  /**
   * Times {@code iterations} calls on each side after as many warm-up calls, alternating which side
   * goes first; adds a row with medians, p99 and the ratio; returns convostore's latencies.
   */
  private Latencies compare(String adapter, String workload, double target, int iterations,
      IntFunction<ToIntFunction<Side>> call, Side convostore, Side floor) {
    Latencies ours = new Latencies(iterations);
    Latencies raw = new Latencies(iterations);
    int offset = workload.startsWith("append") ? iterations : 0; // warm-up appends go to other conversations
    for (int i = 0; i < iterations; i++) { // warm-up
      call.apply(workload.startsWith("append to a conversation of 10 ") ? offset + i : i).applyAsInt(convostore);
      if (floor != null) {
        call.apply(workload.startsWith("append to a conversation of 10 ") ? offset + i : i).applyAsInt(floor);
      }
    }
    for (int i = 0; i < iterations; i++) {
      int n = workload.startsWith("append to a conversation of 10 ") ? 2 * offset + i : i;
      if (floor == null || i % 2 == 0) {
        ours.time(() -> call.apply(n).applyAsInt(convostore));
        if (floor != null) {
          raw.time(() -> call.apply(n).applyAsInt(floor));
        }
      } else {
        raw.time(() -> call.apply(n).applyAsInt(floor));
        ours.time(() -> call.apply(n).applyAsInt(convostore));
      }
    }
    String oursText = String.format(Locale.ROOT, "%.3f / %.3f ms", ours.medianMillis(), ours.p99Millis());
    if (floor == null) {
      rows.add(row(adapter, workload, oursText, "", "", ""));
      return ours;
    }
    double ratio = ours.medianMillis() / raw.medianMillis();
    rows.add(row(adapter, workload, oursText, String.format(Locale.ROOT, "%.3f / %.3f ms", raw.medianMillis(), raw.p99Millis()),
        String.format(Locale.ROOT, "%.2f", ratio), target == 0 ? "" : verdict(ratio <= target, "≤ " + target)));
    return ours;
  }

  private static String verdict(boolean met, String target) {
    return target + (met ? ": met" : ": **missed**");
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  private String markdown() {
    StringBuilder text = new StringBuilder()
        .append("| store | workload | convostore (median / p99) | raw JDBC (median / p99) | ratio | target |\n")
        .append("| --- | --- | --- | --- | --- | --- |\n");
    rows.forEach(row -> text.append(row).append('\n'));
    return text.append("\nMeasured ").append(LocalDate.now()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("os.arch")).append(", Java ").append(System.getProperty("java.version"))
        .append(", heap ").append(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1 << 20))
        .append(" MB.\n").toString();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

}
