package dev.convostore.cli;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.ConflictException;
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
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Stores a realistic sample (three users; conversations with system prompts, tool calls and
 * results, an error, context items and agent state) and shows it. The sample has fixed ids and
 * times, and is stored whole, so running the demo again changes nothing.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Store a sample of conversations (again: no duplicates), then print a summary and a history window.")
final class DemoCommand implements Callable<Integer> {

  private static final UserId ADA = UserId.of("ada");
  private static final UserId GRACE = UserId.of("grace");
  private static final UserId LINUS = UserId.of("linus");
  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  @ParentCommand Cli cli;

  @Override
  public Integer call() {
    List<ConversationSnapshot> sample = sample();
    try (ConvoStore store = cli.open()) {
      for (ConversationSnapshot conversation : sample) {
        try {
          store.transfer().importAll(List.of(conversation).iterator(), ImportMode.NEVER_BACKWARDS);
        } catch (ConflictException changedSince) {
          // the sample conversation was used since it was stored: its newer state stays
        }
      }
      ConversationSnapshot shown = sample.get(0);
      Conversation weather = shown.conversation();
      List<Message> window = store.history().history(weather.owner(), weather.id(), HistoryRequest.last(6));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("store", ConvoStore.displayUrl(cli.storeProperties().getProperty("convostore.url")));
      json.put("users", List.of(ADA.value(), GRACE.value(), LINUS.value()));
      json.put("conversations", sample.size());
      json.put("messages", sample.stream().mapToInt(c -> c.messages().size()).sum());
      json.put("contextItems", sample.stream().mapToInt(c -> c.contextItems().size()).sum());
      json.put("shown", Views.json(weather));
      json.put("window", Views.messages(window));
      StringBuilder text = new StringBuilder()
          .append("Stored the demo sample in ").append(json.get("store")).append(": 3 users (ada, grace, linus), ")
          .append(json.get("conversations")).append(" conversations, ").append(json.get("messages")).append(" messages, ")
          .append(json.get("contextItems")).append(" context items.\n\n")
          .append("Last ").append(window.size()).append(" messages of ").append(Views.text(weather)).append(" (user ada):\n")
          .append(Views.lines(window)).append("\n\n")
          .append("Try: convostore --user ada list, convostore --user ada search oslo, convostore --user ada show ")
          .append(weather.id());
      cli.print(text.toString(), json);
    }
    return 0;
  }

  /** The sample, built the same way on every run. */
  static List<ConversationSnapshot> sample() {
    List<ConversationSnapshot> sample = new ArrayList<>();
    sample.add(new Builder(ADA, 1, "Weather in Oslo", JsonObject.of("channel", "web", "locale", "en-GB"))
        .say(NewMessage.system("You are a helpful travel assistant. Use tools for live data."))
        .say(NewMessage.user("What is the weather in Oslo tomorrow?"))
        .say(NewMessage.toolCalls("", new ToolCall("call_w1", "weather_forecast",
            JsonObject.of("city", "Oslo", "date", "2026-01-06", "units", "metric"))))
        .say(NewMessage.toolResult(new ToolResult("call_w1", "weather_forecast", ToolOutcome.SUCCESS,
            Optional.of("fetched forecast")), "{\"high_c\": -2, \"low_c\": -8, \"summary\": \"light snow\"}"))
        .say(NewMessage.assistant("Tomorrow in Oslo: light snow, from -8 °C to -2 °C. Pack warm boots."))
        .say(NewMessage.user("And should I take the train from the airport?"))
        .say(NewMessage.assistant("Yes: the Flytoget express reaches Oslo S in about 20 minutes."))
        .remember(ContextSource.USER_PREFERENCE, "Prefers metric units and public transport.", 0.9)
        .remember(ContextSource.LONG_TERM_MEMORY, "Visited Oslo in 2024 and liked the Munch museum.", 0.6)
        .state(new AgentState(3, List.of("weather", "transport"), Optional.of("And should I take the train from the airport?"),
            Optional.of(JsonObject.of("high_c", -2, "low_c", -8))))
        .build());
    sample.add(new Builder(ADA, 2, "Lisbon in May", JsonObject.of("channel", "mobile"))
        .say(NewMessage.user("Find me flights from London to Lisbon on 12 May."))
        .say(NewMessage.toolCalls("Searching flights.", new ToolCall("call_f1", "flight_search",
            JsonObject.of("from", "LHR", "to", "LIS", "date", "2026-05-12"))))
        .say(NewMessage.toolResult(new ToolResult("call_f1", "flight_search", ToolOutcome.FAILURE,
            Optional.of("provider timed out")), "The flight provider did not answer in time."))
        .say(NewMessage.toolCalls("Trying again.", new ToolCall("call_f2", "flight_search",
            JsonObject.of("from", "LHR", "to", "LIS", "date", "2026-05-12"))))
        .say(NewMessage.toolResult(new ToolResult("call_f2", "flight_search", ToolOutcome.SUCCESS,
            Optional.of("3 flights found")), "[{\"flight\": \"TP1351\", \"price_gbp\": 89}]"))
        .say(NewMessage.assistant("TAP flight TP1351 leaves Heathrow at 07:10 for £89."))
        .remember(ContextSource.RAG, "Lisbon trams: line 28 passes Alfama and Baixa.", 0.75)
        .build());
    sample.add(new Builder(GRACE, 3, "Refund for order 4711", JsonObject.of("channel", "support", "priority", 2))
        .say(NewMessage.system("You are a support agent for an online bookshop."))
        .say(NewMessage.user("My order 4711 arrived damaged. Can I get a refund?"))
        .say(NewMessage.toolCalls("", new ToolCall("call_o1", "order_lookup", JsonObject.of("order", 4711))))
        .say(NewMessage.toolResult(new ToolResult("call_o1", "order_lookup", ToolOutcome.ERROR,
            Optional.empty()), "order service unavailable"))
        .say(NewMessage.error(MessageRole.ASSISTANT, "I could not reach the order system; a colleague will follow up."))
        .remember(ContextSource.FOCUS, "Refund request for a damaged delivery.", 1.0)
        .build());
    sample.add(new Builder(LINUS, 4, null, JsonObject.empty())
        .say(NewMessage.user("Why does my kernel build fail with 'No rule to make target'?"))
        .say(NewMessage.assistant("A file the Makefile expects is missing: run make mrproper, then configure again."))
        .say(NewMessage.user("That fixed it, thanks."))
        .build());
    return sample;
  }

  /** One sample conversation, with ids and times fixed by its number. */
  private static final class Builder {
    private final UserId owner;
    private final int number;
    private final String title;
    private final JsonObject metadata;
    private final ConversationId id;
    private final List<NewMessage> drafts = new ArrayList<>();
    private final List<NewContextItem> memories = new ArrayList<>();
    private AgentState state = AgentState.initial();

    Builder(UserId owner, int number, String title, JsonObject metadata) {
      this.owner = owner;
      this.number = number;
      this.title = title;
      this.metadata = metadata;
      this.id = new ConversationId(fixedId(number, 0));
    }

    Builder say(NewMessage message) {
      drafts.add(message);
      return this;
    }

    Builder remember(ContextSource source, String content, double relevance) {
      memories.add(NewContextItem.of(source, content, relevance));
      return this;
    }

    Builder state(AgentState agentState) {
      this.state = agentState;
      return this;
    }

    ConversationSnapshot build() {
      Instant createdAt = START.plusSeconds(3600L * number);
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < drafts.size(); i++) {
        messages.add(drafts.get(i).toMessage(new MessageId(fixedId(number, 1 + i)), id, owner, i + 1,
            createdAt.plusSeconds(30L * (i + 1))));
      }
      List<ContextItem> items = new ArrayList<>();
      for (int i = 0; i < memories.size(); i++) {
        items.add(new ContextItem(new ContextItemId(fixedId(number, 100 + i)), id, memories.get(i), createdAt));
      }
      Instant updatedAt = messages.isEmpty() ? createdAt : messages.get(messages.size() - 1).createdAt();
      String shownTitle = title != null ? title : Conversation.titleFrom(drafts.get(0).content());
      Conversation conversation = new Conversation(id, owner, Optional.of(shownTitle), true, createdAt, updatedAt,
          messages.size(), messages.size(), metadata, state, 1);
      return new ConversationSnapshot(conversation, messages, items);
    }
  }

  /** A fixed version 7 UUID for sample object {@code part} of conversation {@code number}. */
  private static UUID fixedId(int number, int part) {
    return new UUID(0x019b8a1c_0000_7000L | ((long) number << 16), 0x8000_0000_0000_0000L | part);
  }
}
