package dev.convostore.benchmarks;

import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The data every benchmark loads, the same for convostore and raw JDBC: 1,000,000 messages of
 * about 100 characters, user and assistant turns.
 *
 * <ul>
 *   <li>{@code lister}: 10,000 conversations of 10 messages (listing; appends to 10-message conversations);
 *   <li>{@code searcher}: 1,000 conversations of 100 messages, 100,000 messages (search);
 *   <li>800 other users with 10 conversations of 100 messages (history windows);
 *   <li>{@code appender}: 20 conversations of 1,000 and 2 of 10,000 messages (appends to long ones).
 * </ul>
 */
final class Dataset {

  static final UserId LISTER = UserId.of("lister");
  static final UserId SEARCHER = UserId.of("searcher");
  static final UserId APPENDER = UserId.of("appender");
  static final int CONTENT_LENGTH = 100;
  static final String SEARCH_QUERY = "weather tomorrow";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] WORDS = ("the a weather forecast for tomorrow shows rain in the north and sun "
      + "please book a table for two at seven order status shipped delivered refund invoice account password "
      + "summarize this document translate into french what is the capital of norway schedule meeting monday")
      .split(" ");

  /** One conversation of the dataset, before it is stored. */
  record Plan(int index, UserId owner, ConversationId id, int messages) {}

  final List<Plan> plans = new ArrayList<>();
  final List<Plan> tens = new ArrayList<>();
  final List<Plan> hundreds = new ArrayList<>();
  final List<Plan> thousands = new ArrayList<>();
  final List<Plan> tenThousands = new ArrayList<>();

  Dataset() {
    for (int i = 0; i < 10_000; i++) {
      tens.add(plan(LISTER, 10));
    }
    for (int i = 0; i < 1_000; i++) {
      hundreds.add(plan(SEARCHER, 100));
    }
    for (int user = 0; user < 800; user++) {
      for (int i = 0; i < 10; i++) {
        hundreds.add(plan(UserId.of("user-" + user), 100));
      }
    }
    for (int i = 0; i < 20; i++) {
      thousands.add(plan(APPENDER, 1_000));
    }
    for (int i = 0; i < 2; i++) {
      tenThousands.add(plan(APPENDER, 10_000));
    }
  }

  private Dataset(List<Plan> plans) {
    this.plans.addAll(plans);
  }

  /** The conversations from {@code from} (inclusive) to {@code to} (exclusive), to load a part at a time. */
  Dataset slice(int from, int to) {
    return new Dataset(plans.subList(from, to));
  }

  private Plan plan(UserId owner, int messages) {
    Plan plan = new Plan(plans.size(), owner, new ConversationId(new UUID(0x0190_0000_0000_7000L | ((long) plans.size() << 16),
        0x8000_0000_0000_0000L)), messages);
    plans.add(plan);
    return plan;
  }

  long messageCount() {
    return plans.stream().mapToLong(Plan::messages).sum();
  }

  static Instant createdAt(Plan plan, int sequence) {
    return START.plus(Duration.ofSeconds(plan.index())).plus(Duration.ofMillis(sequence));
  }

  /** The content of a message: the same for both sides, about 100 characters of words. */
  static String content(Plan plan, int sequence) {
    Random random = new Random(plan.index() * 100_003L + sequence);
    StringBuilder text = new StringBuilder(CONTENT_LENGTH + 12);
    while (text.length() < CONTENT_LENGTH) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return text.substring(0, CONTENT_LENGTH).strip();
  }

  static boolean fromUser(int sequence) {
    return sequence % 2 == 1;
  }

  /** The conversations as convostore imports them, made one at a time. */
  Iterator<ConversationSnapshot> snapshots() {
    Iterator<Plan> next = plans.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return next.hasNext();
      }

      @Override
      public ConversationSnapshot next() {
        if (!next.hasNext()) {
          throw new NoSuchElementException();
        }
        return snapshot(next.next());
      }
    };
  }

  private static ConversationSnapshot snapshot(Plan plan) {
    List<Message> messages = new ArrayList<>(plan.messages());
    for (int sequence = 1; sequence <= plan.messages(); sequence++) {
      String content = content(plan, sequence);
      NewMessage draft = fromUser(sequence) ? NewMessage.user(content) : NewMessage.assistant(content);
      messages.add(draft.toMessage(MessageId.newId(), plan.id(), plan.owner(), sequence, createdAt(plan, sequence)));
    }
    Instant createdAt = createdAt(plan, 0);
    Conversation conversation = new Conversation(plan.id(), plan.owner(), Optional.of("Conversation " + plan.index()), true,
        createdAt, createdAt(plan, plan.messages()), plan.messages(), plan.messages(), JsonObject.empty(),
        AgentState.initial(), 1);
    return new ConversationSnapshot(conversation, messages, List.of());
  }

  /** A message to append during the benchmark. */
  static String appended(int n) {
    return "appended message number " + n + " with enough words to be about one hundred characters long, like the rest";
  }
}
