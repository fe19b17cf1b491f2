package dev.convostore.cli;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Commands that write or find messages. */
final class MessageCommands {

  private MessageCommands() {}

  @Command(name = "append", mixinStandardHelpOptions = true,
      description = {"Append a message; its content comes from the argument, or from standard input when the "
          + "argument is - or missing.",
          "A tool call: --role assistant --tool NAME --call-id ID [--arguments JSON].",
          "A tool result: --role tool --tool NAME --call-id ID --outcome success|failure|error [--action TEXT]."})
  static final class Append implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The conversation.")
    String conversation;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CONTENT", description = "The content, or - for standard input.")
    String content;

    @Option(names = "--role", paramLabel = "ROLE", description = "user (default), assistant, system or tool.")
    String role = "user";

    @Option(names = "--error", description = "The message reports an error.")
    boolean error;

    @Option(names = "--tool", paramLabel = "NAME", description = "The tool called, or whose result this is.")
    String tool;

    @Option(names = "--call-id", paramLabel = "ID", description = "The tool call's id.")
    String callId;

    @Option(names = "--arguments", paramLabel = "JSON", description = "The tool call's arguments, a JSON object.")
    String arguments;

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "The tool result's outcome: success, failure or error.")
    String outcome;

    @Option(names = "--action", paramLabel = "TEXT", description = "What the tool did.")
    String action;

    @Option(names = "--id", paramLabel = "UUID", description = "A message id of your choosing: appending it again is a no-op.")
    String id;

    @Option(names = "--expect-sequence", paramLabel = "N",
        description = "Append only if the conversation's last sequence number is still N.")
    Long expectedSequence;

    @Override
    public Integer call() {
      NewMessage message = message();
      if (id != null) {
        message = message.withId(MessageId.parse(id));
      }
      AppendMessages append = AppendMessages.of(cli.user(), ConversationCommands.id(conversation), message);
      if (expectedSequence != null) {
        append = append.expectingLastSequence(expectedSequence);
      }
      try (ConvoStore store = cli.open()) {
        Message stored = store.messages().append(append).get(0);
        cli.print(Views.text(stored), Views.json(stored));
      }
      return 0;
    }

    private NewMessage message() {
      MessageRole messageRole = parse(MessageRole.class, "--role", role);
      String text = content == null || content.equals("-") ? standardInput() : content;
      if (messageRole == MessageRole.TOOL) {
        if (arguments != null) {
          throw new Cli.UserError("--arguments belongs to a tool call (--role assistant), not a tool result");
        }
        if (tool == null || callId == null || outcome == null) {
          throw new Cli.UserError("a tool result needs --tool, --call-id and --outcome");
        }
        return NewMessage.toolResult(new ToolResult(callId, tool, parse(ToolOutcome.class, "--outcome", outcome),
            Optional.ofNullable(action)), text);
      }
      if (outcome != null || action != null) {
        throw new Cli.UserError("--outcome and --action belong to a tool result (--role tool)");
      }
      if (tool != null || callId != null) {
        if (messageRole != MessageRole.ASSISTANT || tool == null || callId == null) {
          throw new Cli.UserError("a tool call is an assistant message with --tool and --call-id");
        }
        return NewMessage.toolCalls(text, new ToolCall(callId, tool,
            ConversationCommands.jsonObject("--arguments", arguments == null ? "{}" : arguments)));
      }
      if (arguments != null) {
        throw new Cli.UserError("--arguments belongs to a tool call (--role assistant --tool NAME --call-id ID)");
      }
      return error ? NewMessage.error(messageRole, text) : NewMessage.text(messageRole, text);
    }

    private String standardInput() {
      try {
        // Refused rather than stored with replacement characters, as an import refuses it.
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(cli.in().readAllBytes())).toString();
      } catch (java.nio.charset.CharacterCodingException notUtf8) {
        throw new Cli.UserError("standard input is not valid UTF-8 text");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String option, String name) {
    try {
      return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new Cli.UserError(option + " must be one of " + List.of(type.getEnumConstants()).stream()
          .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + name + "'");
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true,
      description = "Find your messages that hold every word (whole words, any case), newest first.")
  static final class Search implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "The words.")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", description = "The most messages to show (default 20).")
    int limit = 20;

    @Mixin MessageFilterOptions only;

    @Override
    public Integer call() {
      MessageFilter filter = only.filter();
      try (ConvoStore store = cli.open()) {
        List<Message> found = store.history().search(cli.user(), String.join(" ", words), filter, limit);
        String text = found.isEmpty() ? "(no messages)"
            : String.join("\n", found.stream().map(m -> m.conversationId() + " " + Views.text(m)).toList());
        cli.print(text, Views.messages(found));
      }
      return 0;
    }
  }

  /** The {@code ID MESSAGE} arguments of the commands about one message. */
  static final class OneMessage {
    @Parameters(index = "0", paramLabel = "ID", description = "The conversation.")
    String id;

    @Parameters(index = "1", paramLabel = "MESSAGE", description = "The message: its sequence number or its id.")
    String message;

    ConversationId conversation() {
      return ConversationCommands.id(id);
    }

    /** The message of the user's conversation they name: by its sequence number, as {@code show} prints it, or its id. */
    Message in(ConvoStore store, UserId user) {
      if (!message.chars().allMatch(Character::isDigit)) {
        return store.history().message(user, conversation(), MessageId.parse(message));
      }
      long sequence = Long.parseLong(message);
      if (sequence < 1) {
        throw new ValidationException("MESSAGE", "a sequence number is 1 or more");
      }
      return store.history().history(user, conversation(), HistoryRequest.after(sequence - 1, 1)).stream()
          .filter(found -> found.sequence() == sequence).findFirst()
          .orElseThrow(() -> new NotFoundException("message", "#" + sequence));
    }
  }

  @Command(name = "redact", mixinStandardHelpOptions = true,
      description = "Redact one message for an erasure request: its text, tool arguments, recorded action and metadata "
          + "are erased and it leaves the search index; its place in the conversation stays.")
  static final class Redact implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Mixin OneMessage target;

    @Option(names = "--yes", description = "Confirm: this cannot be undone.")
    boolean confirmed;

    @Override
    public Integer call() {
      ConversationId conversation = target.conversation();
      try (ConvoStore store = cli.open()) {
        Message named = target.in(store, cli.user());
        if (!confirmed) {
          throw new Cli.UserError("redact erases what message #" + named.sequence() + " of conversation " + conversation
              + " holds; repeat with --yes to confirm");
        }
        Message redacted = store.messages().redact(cli.user(), conversation, named.id());
        cli.print("redacted " + Views.text(redacted), Views.json(redacted));
      }
      return 0;
    }
  }

  @Command(name = "rate", mixinStandardHelpOptions = true,
      description = "Give feedback on one message: a rating from -1 (bad) to 1 (good), with an optional label and comment; "
          + "rating it again replaces the earlier feedback.")
  static final class Rate implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Mixin OneMessage target;

    @Parameters(index = "2", paramLabel = "RATING", description = "From -1 to 1, such as 1, -1 or 0.5.")
    double rating;

    @Option(names = "--label", paramLabel = "TEXT", description = "A short name for the verdict, such as helpful.")
    String label;

    @Option(names = "--comment", paramLabel = "TEXT", description = "The user's own words.")
    String comment;

    @Override
    public Integer call() {
      Feedback feedback = new Feedback(rating, Optional.ofNullable(label), Optional.ofNullable(comment));
      try (ConvoStore store = cli.open()) {
        Message named = target.in(store, cli.user());
        MessageFeedback given = store.messages().giveFeedback(cli.user(), target.conversation(), named.id(), feedback);
        cli.print("rated #" + named.sequence() + ": " + line(given), json(named.sequence(), given));
      }
      return 0;
    }
  }

  @Command(name = "feedback", mixinStandardHelpOptions = true,
      description = "Show the feedback given on a conversation's messages, in message order.")
  static final class FeedbackOf implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(paramLabel = "ID", description = "The conversation.")
    String id;

    @Override
    public Integer call() {
      ConversationId conversation = ConversationCommands.id(id);
      try (ConvoStore store = cli.open()) {
        List<MessageFeedback> all = store.messages().feedback(cli.user(), conversation);
        List<Map<String, Object>> json = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (MessageFeedback given : all) { // only the rated messages are read, each for its sequence number
          long sequence = store.history().message(cli.user(), conversation, given.messageId()).sequence();
          json.add(json(sequence, given));
          lines.add("#" + sequence + " " + line(given));
        }
        String text = all.isEmpty() ? "(no feedback)" : String.join("\n", lines);
        cli.print(text, json);
      }
      return 0;
    }
  }

  private static String line(MessageFeedback given) {
    Feedback feedback = given.feedback();
    return feedback.rating() + feedback.label().map(label -> " " + Views.safe(label)).orElse("")
        + feedback.comment().map(comment -> ": " + Views.safe(comment)).orElse("");
  }

  private static Map<String, Object> json(long sequence, MessageFeedback given) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sequence", sequence);
    json.put("messageId", given.messageId().toString());
    json.put("rating", given.feedback().rating());
    json.put("label", given.feedback().label().orElse(null));
    json.put("comment", given.feedback().comment().orElse(null));
    json.put("givenAt", given.givenAt().toString());
    return json;
  }
}
