package dev.convostore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convostore.application.port.in.ConversationPage;
import dev.convostore.application.port.in.ConversationView;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Commands about whole conversations. */
final class ConversationCommands {

  private ConversationCommands() {}

  static ConversationId id(String text) {
    return ConversationId.parse(text);
  }

  /** A JSON object typed on the command line, such as {@code {"channel":"web"}}. */
  static JsonObject jsonObject(String option, String text) {
    JsonNode parsed;
    try {
      parsed = Cli.JSON.readTree(text);
    } catch (JsonProcessingException malformed) {
      parsed = null;
    }
    if (parsed == null || !parsed.isObject()) {
      throw new Cli.UserError(option + " must be one JSON object, such as {\"channel\":\"web\"}");
    }
    return (JsonObject) JsonLines.json(option, parsed, 0);
  }

  @Command(name = "new", mixinStandardHelpOptions = true, description = "Start a conversation; prints its id.")
  static final class New implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--title", description = "Its title (else the first user message gives one).")
    String title;

    @Option(names = "--metadata", paramLabel = "JSON", description = "A JSON object of metadata.")
    String metadata;

    @Option(names = "--id", paramLabel = "UUID", description = "A conversation id of your choosing.")
    String id;

    @Override
    public Integer call() {
      StartConversation start = StartConversation.by(cli.user());
      if (title != null) {
        start = start.titled(title);
      }
      if (metadata != null) {
        start = start.withMetadata(jsonObject("--metadata", metadata));
      }
      if (id != null) {
        start = start.withId(id(id));
      }
      try (ConvoStore store = cli.open()) {
        Conversation started = store.conversations().start(start);
        cli.print(started.id().toString(), Views.json(started));
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a conversation with its last messages, or a page before or after a sequence number.")
  static final class Show implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(paramLabel = "ID", description = "The conversation.")
    String id;

    @Option(names = "--last", paramLabel = "N", description = "How many messages (default 20).")
    int last = 20;

    @Option(names = "--before", paramLabel = "SEQ", description = "The page before this sequence number.")
    Long before;

    @Option(names = "--after", paramLabel = "SEQ", description = "The page after this sequence number.")
    Long after;

    @Mixin MessageFilterOptions only;

    @Override
    public Integer call() {
      if (before != null && after != null) {
        throw new Cli.UserError("give --before or --after, not both");
      }
      HistoryRequest window = (before != null ? HistoryRequest.before(before, last)
          : after != null ? HistoryRequest.after(after, last) : HistoryRequest.last(last)).filtered(only.filter());
      try (ConvoStore store = cli.open()) {
        ConversationView view = store.conversations().getWithWindow(cli.user(), id(id), window);
        Map<String, Object> json = Views.json(view.conversation());
        json.put("messages", Views.messages(view.messages()));
        cli.print(Views.text(view.conversation()) + "\n" + Views.lines(view.messages()), json);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List your conversations, most recent activity (or most recently started) first, a page at a time.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand Cli cli;

    @ArgGroup(exclusive = true)
    Activity activity;

    static final class Activity {
      @Option(names = "--active", description = "Only active conversations.")
      boolean active;

      @Option(names = "--inactive", description = "Only inactive conversations.")
      boolean inactive;
    }

    @Option(names = "--limit", paramLabel = "N", description = "Conversations per page (default 20).")
    int limit = 20;

    @Option(names = "--by-creation", description = "The most recently started first (a cursor continues the order that printed it).")
    boolean byCreation;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after the page that printed this cursor.")
    String cursor;

    @Option(names = "--metadata", paramLabel = "JSON", description = "Only conversations whose metadata holds these members.")
    String metadata;

    @Override
    public Integer call() {
      ListConversations query = ListConversations.of(cli.user(), limit);
      if (byCreation) {
        query = query.byCreation();
      }
      if (activity != null) {
        query = query.onlyActive(activity.active);
      }
      if (cursor != null) {
        query = query.after(cursor);
      }
      if (metadata != null) {
        query = query.withMetadata(jsonObject("--metadata", metadata));
      }
      try (ConvoStore store = cli.open()) {
        ConversationPage page = store.conversations().list(query);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("conversations", page.conversations().stream().map(Views::json).toList());
        json.put("nextCursor", page.nextCursor().orElse(null));
        String text = page.conversations().isEmpty() ? "(no conversations)"
            : page.conversations().stream().map(Views::text).collect(Collectors.joining("\n"));
        cli.print(text + page.nextCursor().map(next -> "\nmore: --cursor " + next).orElse(""), json);
      }
      return 0;
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = "Count a conversation's messages by role, and its tool calls by tool and outcome.")
  static final class Stats implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(paramLabel = "ID", description = "The conversation.")
    String id;

    @Override
    public Integer call() {
      try (ConvoStore store = cli.open()) {
        ConversationStatistics stats = store.history().statistics(cli.user(), id(id));
        Map<String, Long> byRole = new LinkedHashMap<>();
        for (MessageRole role : MessageRole.values()) {
          byRole.put(Views.lower(role), stats.messagesByRole().getOrDefault(role, 0L));
        }
        List<Map<String, Object>> tools = stats.tools().stream().map(ConversationCommands::json).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("conversationId", stats.conversationId().toString());
        json.put("messagesByRole", byRole);
        json.put("tools", tools);
        StringBuilder text = new StringBuilder("messages by role: ").append(byRole.isEmpty() ? "none" : byRole);
        stats.tools().forEach(tool -> text.append('\n').append(line(tool)));
        cli.print(text.toString(), json);
      }
      return 0;
    }
  }

  @Command(name = "tools", mixinStandardHelpOptions = true,
      description = "Count your tool calls by tool and outcome across all your conversations over a recent period.")
  static final class Tools implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--since", paramLabel = "DURATION",
        description = "How far back: 30d (the default), 12h, 45m or ISO-8601 (P30D).")
    String since = "30d";

    @Override
    public Integer call() {
      Instant now = Instant.now();
      Instant from = now.minus(AdminCommands.Retention.duration("--since", since));
      try (ConvoStore store = cli.open()) {
        List<ToolUsage> usage = store.history().toolUsage(cli.user(), from, now.plusNanos(1_000));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", from.toString());
        json.put("tools", usage.stream().map(ConversationCommands::json).toList());
        cli.print(usage.isEmpty() ? "(no tool calls since " + from + ")"
            : usage.stream().map(ConversationCommands::line).collect(Collectors.joining("\n")), json);
      }
      return 0;
    }
  }

  private static String line(ToolUsage tool) {
    return "tool " + Views.safe(tool.toolName()) + ": " + tool.calls() + " calls, results " + json(tool).get("results");
  }

  private static Map<String, Object> json(ToolUsage tool) {
    Map<String, Long> results = new LinkedHashMap<>();
    for (ToolOutcome outcome : ToolOutcome.values()) {
      results.put(Views.lower(outcome), tool.outcomes().getOrDefault(outcome, 0L));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tool", tool.toolName());
    json.put("calls", tool.calls());
    json.put("results", results);
    return json;
  }

  /** The options shared by the commands that change a conversation. */
  abstract static class Change implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The conversation.")
    String id;

    @Option(names = "--expect-version", paramLabel = "N",
        description = "Change only if the conversation is still at this version.")
    Long expectedVersion;

    OptionalLong expected() {
      return expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
    }

    abstract Conversation change(ConvoStore store, UserId user, ConversationId conversation);

    @Override
    public Integer call() {
      try (ConvoStore store = cli.open()) {
        Conversation changed = change(store, cli.user(), id(id));
        cli.print(Views.text(changed), Views.json(changed));
      }
      return 0;
    }
  }

  @Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a conversation a new title.")
  static final class Rename extends Change {
    @Parameters(index = "1", paramLabel = "TITLE", description = "The new title.")
    String title;

    @Override
    Conversation change(ConvoStore store, UserId user, ConversationId conversation) {
      return store.conversations().rename(user, conversation, title, expected());
    }
  }

  @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Mark a conversation inactive.")
  static final class Deactivate extends Change {
    @Override
    Conversation change(ConvoStore store, UserId user, ConversationId conversation) {
      return store.conversations().deactivate(user, conversation, expected());
    }
  }

  @Command(name = "reactivate", mixinStandardHelpOptions = true, description = "Mark a conversation active again.")
  static final class Reactivate extends Change {
    @Override
    Conversation change(ConvoStore store, UserId user, ConversationId conversation) {
      return store.conversations().reactivate(user, conversation, expected());
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a conversation with its messages and context items.")
  static final class Delete implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(paramLabel = "ID", description = "The conversation.")
    String id;

    @Option(names = "--yes", description = "Confirm: this cannot be undone.")
    boolean confirmed;

    @Override
    public Integer call() {
      ConversationId conversation = id(id);
      if (!confirmed) {
        throw new Cli.UserError("delete removes conversation " + conversation
            + " with its messages and context items; repeat with --yes to confirm");
      }
      try (ConvoStore store = cli.open()) {
        store.conversations().delete(cli.user(), conversation);
        cli.print("deleted " + id, Map.of("deleted", id));
      }
      return 0;
    }
  }
}
