package dev.convostore.benchmarks;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ImportReport;
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
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;

/**
 * Builds a SQLite store of one million messages through the public import API (1,000 users × 10
 * conversations × 100 messages of about 100 characters, with tool calls), then times the last
 * 20 messages of random conversations through the public history API.
 *
 * <p>Run: {@code ./mvnw -q -B package -pl benchmarks -am -DskipTests && java -cp
 * benchmarks/target/benchmarks.jar dev.convostore.benchmarks.SqliteMillionMessages [FILE]}
 */
public final class SqliteMillionMessages {

  private static final int USERS = 1_000;
  private static final int CONVERSATIONS_PER_USER = 10;
  private static final int MESSAGES_PER_CONVERSATION = 100;
  private static final int WARM_UP_READS = 5_000;
  private static final int TIMED_READS = 20_000;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] WORDS = ("the a weather forecast for tomorrow shows rain in the north and sun in the south "
      + "please book a table for two at seven order status shipped delivered refund invoice account password reset "
      + "summarize this document translate into french what is the capital of norway schedule meeting monday")
      .split(" ");

  private SqliteMillionMessages() {}

  /** Builds the file at the path given, which stays for other tools to read, or in a folder deleted afterwards. */
  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      run(Path.of(args[0]));
      return;
    }
    try (WorkFolder work = new WorkFolder("convostore-bench")) {
      run(work.resolve("million.db"));
    }
  }

  private static void run(Path file) throws IOException {
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    Properties properties = new Properties();
    properties.setProperty("convostore.url", "jdbc:sqlite:" + file);
    List<Conversation> conversations = new ArrayList<>();
    double buildSeconds;
    ImportReport report;
    try (ConvoStore store = ConvoStore.open(properties)) {
      long started = System.nanoTime();
      report = store.transfer().importAll(new Generator(conversations), ImportMode.NEVER_BACKWARDS);
      buildSeconds = (System.nanoTime() - started) / 1e9;
    }
    long bytes = Files.size(file);

    try (ConvoStore store = ConvoStore.open(properties)) {
      Random random = new Random(7);
      long[] nanos = new long[TIMED_READS];
      for (int i = 0; i < WARM_UP_READS + TIMED_READS; i++) {
        Conversation conversation = conversations.get(random.nextInt(conversations.size()));
        long started = System.nanoTime();
        List<Message> window = store.history().history(conversation.owner(), conversation.id(), HistoryRequest.last(20));
        long took = System.nanoTime() - started;
        if (window.size() != 20) {
          throw new IllegalStateException("expected 20 messages, got " + window.size());
        }
        if (i >= WARM_UP_READS) {
          nanos[i - WARM_UP_READS] = took;
        }
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "| SQLite file (WAL) | %,d messages in %,d conversations | built in %.1f s (%,.0f messages/s)"
              + " | %,d bytes (%.0f bytes/message) | history(last 20): median %.3f ms, p99 %.3f ms over %,d reads |%n",
          report.messages(), report.conversations(), buildSeconds, report.messages() / buildSeconds, bytes,
          (double) bytes / report.messages(), nanos[TIMED_READS / 2] / 1e6, nanos[TIMED_READS * 99 / 100] / 1e6, TIMED_READS);
    }
  }

  /** The conversations, made one at a time as the import asks for them. */
  private static final class Generator implements Iterator<ConversationSnapshot> {

    private final Random random = new Random(42);
    private final List<Conversation> made;
    private int next;

    Generator(List<Conversation> made) {
      this.made = made;
    }

    @Override
    public boolean hasNext() {
      return next < USERS * CONVERSATIONS_PER_USER;
    }

    @Override
    public ConversationSnapshot next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int index = next++;
      UserId owner = UserId.of(String.format(Locale.ROOT, "user-%04d", index / CONVERSATIONS_PER_USER));
      ConversationId id = ConversationId.newId();
      Instant createdAt = START.plus(Duration.ofSeconds(index));
      List<Message> messages = new ArrayList<>(MESSAGES_PER_CONVERSATION);
      for (int sequence = 1; sequence <= MESSAGES_PER_CONVERSATION; sequence++) {
        messages.add(message(sequence).toMessage(
            MessageId.newId(), id, owner, sequence, createdAt.plus(Duration.ofMillis(sequence))));
      }
      Instant updatedAt = messages.get(messages.size() - 1).createdAt();
      Conversation conversation = new Conversation(id, owner, Optional.of("Conversation " + index), true, createdAt,
          updatedAt, MESSAGES_PER_CONVERSATION, MESSAGES_PER_CONVERSATION, JsonObject.empty(), AgentState.initial(), 1);
      made.add(conversation);
      return new ConversationSnapshot(conversation, messages, List.of());
    }

    /** User and assistant turns; every tenth pair is a tool call and its result. */
    private NewMessage message(int sequence) {
      if (sequence % 20 == 9) {
        return NewMessage.toolCalls("", new ToolCall("call-" + sequence, "lookup", JsonObject.of("query", text(30))));
      }
      if (sequence % 20 == 10) {
        return NewMessage.toolResult(ToolResult.of("call-" + (sequence - 1), "lookup", ToolOutcome.SUCCESS), text(100));
      }
      return sequence % 2 == 1 ? NewMessage.user(text(100)) : NewMessage.assistant(text(100));
    }

    /** About {@code length} characters of words. */
    private String text(int length) {
      StringBuilder text = new StringBuilder(length + 12);
      while (text.length() < length) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      return text.substring(0, length).strip();
    }
  }
}
