package dev.convostore.benchmarks;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The store's calls on a Citus cluster, distributed by conversation, beside the same calls on the
 * coordinator's own tables (one PostgreSQL server, the same version), through the public API, in
 * one run: what distribution costs a conversation-scoped call (routed to one shard) and a
 * user-scoped one (asking every shard).
 *
 * <p>Run, with a cluster started by {@code scripts/citus-cluster start}: {@code ./mvnw -q -B
 * package -pl benchmarks -am -DskipTests && java -cp benchmarks/target/benchmarks.jar
 * dev.convostore.benchmarks.CitusCalls [REPORT.md [COORDINATOR_URL]]}.
 */
public final class CitusCalls {

  private static final int USERS = 100;
  private static final int CONVERSATIONS_PER_USER = 10;
  private static final int MESSAGES_PER_CONVERSATION = 100;
  private static final int CALLS = 500;
  private static final String[] WORDS = ("the a weather forecast for tomorrow shows rain in the north and sun in "
      + "the south with wind from the west at night").split(" ");

  private CitusCalls() {}

  /** One store: on the coordinator's own tables, or distributed. */
  private record Store(String name, ConvoStore store) {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "benchmarks/target/citus.md");
    String url = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:9700/postgres?user=postgres";
    String suffix = Long.toString(System.nanoTime(), 36);
    List<String> rows = new ArrayList<>();
    List<Store> stores = List.of(open(url, "local_" + suffix, false), open(url, "distributed_" + suffix, true));
    try {
      List<ConversationSnapshot> data = dataset();
      List<Double> rates = new ArrayList<>();
      for (Store store : stores) {
        long started = System.nanoTime();
        store.store().transfer().importAll(data.iterator(), ImportMode.NEVER_BACKWARDS);
        rates.add(data.size() * (double) MESSAGES_PER_CONVERSATION / ((System.nanoTime() - started) / 1e9));
      }
      rows.add(String.format(Locale.ROOT, "| import of %,d messages | %,.0f msg/s | %,.0f msg/s | %.2f |",
          data.size() * MESSAGES_PER_CONVERSATION, rates.get(0), rates.get(1), rates.get(1) / rates.get(0)));
      Conversation sample = data.get(17).conversation();
      UserId owner = sample.owner();
      int[] appended = {0};
      rows.add(row("append one message (one shard)", stores, store -> store.messages().append(owner, sample.id(),
          NewMessage.user("appended " + appended[0]++ + " weather"))));
      rows.add(row("history, last 20 (one shard)", stores,
          store -> store.history().history(owner, sample.id(), HistoryRequest.last(20))));
      rows.add(row("conversation statistics (one shard)", stores,
          store -> store.history().statistics(owner, sample.id())));
      rows.add(row("list a user's 20 latest (every shard)", stores,
          store -> store.conversations().list(ListConversations.of(owner, 20))));
      rows.add(row("recent activity, 20 (every shard)", stores, store -> store.history().recentActivity(owner, 20)));
      rows.add(row("search a user's messages, 20 (every shard)", stores,
          store -> store.history().search(owner, "rain north", 20)));
    } finally {
      for (Store store : stores) {
        store.store().close();
        Jdbc.execute(url, "DROP SCHEMA " + store.name() + " CASCADE");
      }
    }
    String markdown = "Citus 13.2 on PostgreSQL 15: a coordinator and two workers on one machine, "
        + String.format(Locale.ROOT, "%,d users of %d conversations of %d messages; medians of %d calls, the two "
            + "stores in turn.%n%n", USERS, CONVERSATIONS_PER_USER, MESSAGES_PER_CONVERSATION, CALLS)
        + "| call | coordinator's own tables | distributed | distributed / own |\n| --- | ---: | ---: | ---: |\n"
        + String.join("\n", rows) + "\n";
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown);
    System.out.println(markdown);
    System.out.println("written to " + report);
  }

  private static Store open(String url, String schema, boolean distributed) throws Exception {
    Jdbc.execute(url, "CREATE SCHEMA " + schema);
    Properties properties = new Properties();
    properties.setProperty("convostore.url", url + "&currentSchema=" + schema);
    if (distributed) {
      properties.setProperty("convostore.distribute", "citus");
    }
    return new Store(schema, ConvoStore.open(properties));
  }

  /** Times {@code call} on each store in turn, after a warm-up, and formats medians and their ratio. */
  private static String row(String name, List<Store> stores, Consumer<ConvoStore> call) {
    List<Latencies> latencies = List.of(new Latencies(CALLS), new Latencies(CALLS));
    for (int warmUp = 0; warmUp < CALLS / 10; warmUp++) {
      stores.forEach(store -> call.accept(store.store()));
    }
    for (int i = 0; i < CALLS; i++) {
      for (int s = 0; s < stores.size(); s++) {
        ConvoStore store = stores.get((s + i) % stores.size()).store();
        latencies.get((s + i) % stores.size()).time(() -> call.accept(store));
      }
    }
    double own = latencies.get(0).medianMillis();
    double distributed = latencies.get(1).medianMillis();
    return String.format(Locale.ROOT, "| %s | %.3f ms | %.3f ms | %.2f |", name, own, distributed, distributed / own);
  }

  private static List<ConversationSnapshot> dataset() {
    List<ConversationSnapshot> snapshots = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int user = 0; user < USERS; user++) {
      for (int c = 0; c < CONVERSATIONS_PER_USER; c++) {
        int index = snapshots.size();
        ConversationId id = ConversationId.newId();
        UserId owner = UserId.of("user-" + user);
        Instant createdAt = start.plusSeconds(index * 60L);
        List<Message> messages = new ArrayList<>();
        for (int m = 1; m <= MESSAGES_PER_CONVERSATION; m++) {
          StringBuilder text = new StringBuilder();
          for (int w = 0; w < 16; w++) {
            text.append(WORDS[(index * 31 + m * 7 + w * 13) % WORDS.length]).append(' ');
          }
          messages.add(NewMessage.user(text.toString().strip())
              .toMessage(MessageId.newId(), id, owner, m, createdAt.plusMillis(m)));
        }
        snapshots.add(new ConversationSnapshot(new Conversation(id, owner, Optional.empty(), true, createdAt,
            createdAt.plusMillis(MESSAGES_PER_CONVERSATION), MESSAGES_PER_CONVERSATION, MESSAGES_PER_CONVERSATION,
            JsonObject.empty(), AgentState.initial(), 1), messages, List.of()));
      }
    }
    return snapshots;
  }
}
