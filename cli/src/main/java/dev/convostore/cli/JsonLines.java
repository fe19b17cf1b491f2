package dev.convostore.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ImportReport;
import dev.convostore.application.port.in.TransferUseCase;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonBoolean;
import dev.convostore.domain.JsonNull;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The export format: JSON Lines, a header line then one whole conversation per line (its
 * messages and context items inside). Fields come in a fixed order, JSON values in canonical
 * form and instants as ISO-8601 UTC, so the same data always gives the same bytes.
 */
final class JsonLines {

  /**
   * The format's name and the version this convostore writes; version 2 (without feedback) and 1
   * (without feedback and end line) are still read.
   */
  static final String FORMAT = "convostore-export";
  static final int VERSION = 3;
  private static final int VERSION_WITHOUT_END_LINE = 1;

  /** The longest line read by default: a conversation with several messages at the content limit. */
  static final int DEFAULT_MAX_LINE_MIB = 16;

  private static final ObjectMapper MAPPER = Cli.JSON;
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonLines() {}

  /** How much an export holds, as its end line states. */
  record Totals(long conversations, long messages, long contextItems) {

    Totals plus(ConversationSnapshot snapshot) {
      return new Totals(conversations + 1, messages + snapshot.messages().size(),
          contextItems + snapshot.contextItems().size());
    }

    String endLine() {
      return "{\"end\":{\"conversations\":" + conversations + ",\"messages\":" + messages
          + ",\"contextItems\":" + contextItems + "}}";
    }
  }

  /** Writes the header, every conversation and the end line with the totals; returns the totals. */
  static Totals write(Stream<ConversationSnapshot> snapshots, Writer out) throws IOException {
    out.write("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}\n");
    Totals totals = new Totals(0, 0, 0);
    for (Iterator<ConversationSnapshot> it = snapshots.iterator(); it.hasNext(); ) {
      ConversationSnapshot snapshot = it.next();
      out.write(line(snapshot));
      out.write('\n');
      totals = totals.plus(snapshot);
    }
    out.write(totals.endLine());
    out.write('\n');
    out.flush();
    return totals;
  }

  /** One conversation as one line of JSON (without the line break). */
  static String line(ConversationSnapshot snapshot) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      Conversation c = snapshot.conversation();
      json.writeStartObject();
      json.writeStringField("id", c.id().toString());
      json.writeStringField("owner", c.owner().value());
      json.writeStringField("title", c.title().orElse(null));
      json.writeBooleanField("active", c.active());
      json.writeStringField("createdAt", c.createdAt().toString());
      json.writeStringField("updatedAt", c.updatedAt().toString());
      json.writeNumberField("messageCount", c.messageCount());
      json.writeNumberField("lastSequence", c.lastSequence());
      json.writeNumberField("version", c.version());
      raw(json, "metadata", c.metadata());
      AgentState state = c.agentState();
      json.writeObjectFieldStart("agentState");
      json.writeNumberField("stepCount", state.stepCount());
      json.writeArrayFieldStart("focusAreas");
      for (String area : state.focusAreas()) {
        json.writeString(area);
      }
      json.writeEndArray();
      json.writeStringField("lastUserInput", state.lastUserInput().orElse(null));
      raw(json, "lastToolResult", state.lastToolResult().orElse(null));
      json.writeEndObject();
      json.writeArrayFieldStart("messages");
      for (Message m : snapshot.messages()) {
        json.writeStartObject();
        json.writeStringField("id", m.id().toString());
        json.writeNumberField("sequence", m.sequence());
        json.writeStringField("role", Views.lower(m.role()));
        json.writeStringField("kind", Views.lower(m.kind()));
        json.writeStringField("content", m.content());
        if (!m.toolCalls().isEmpty()) {
          json.writeFieldName("toolCalls");
          json.writeRawValue(ToolCall.toJson(m.toolCalls()));
        }
        if (m.toolResult().isPresent()) {
          json.writeFieldName("toolResult");
          json.writeRawValue(m.toolResult().get().toJson());
        }
        json.writeStringField("createdAt", m.createdAt().toString());
        raw(json, "metadata", m.metadata());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("contextItems");
      for (ContextItem i : snapshot.contextItems()) {
        json.writeStartObject();
        json.writeStringField("id", i.id().toString());
        json.writeStringField("source", i.source().name());
        json.writeStringField("content", i.content());
        json.writeNumberField("relevance", i.relevance());
        json.writeStringField("contextType", i.contextType().orElse(null));
        json.writeStringField("originalRole", i.originalRole().map(Views::lower).orElse(null));
        json.writeStringField("focusArea", i.focusArea().orElse(null));
        json.writeStringField("preferenceType", i.preferenceType().orElse(null));
        json.writeStringField("createdAt", i.createdAt().toString());
        raw(json, "metadata", i.metadata());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("feedback");
      for (MessageFeedback f : snapshot.feedback()) {
        json.writeStartObject();
        json.writeStringField("messageId", f.messageId().toString());
        json.writeNumberField("rating", f.feedback().rating());
        json.writeStringField("label", f.feedback().label().orElse(null));
        json.writeStringField("comment", f.feedback().comment().orElse(null));
        json.writeStringField("givenAt", f.givenAt().toString());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException cannotHappen) { // a StringWriter does not fail
      throw new UncheckedIOException(cannotHappen);
    }
    return text.toString();
  }

  private static void raw(JsonGenerator json, String field, JsonValue value) throws IOException {
    json.writeFieldName(field);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeRawValue(value.toJson());
    }
  }

  /** How to read a file: the longest line accepted, where warnings go, what to do with stored conversations. */
  record ImportOptions(int maxLineBytes, ImportMode mode, Consumer<String> warnings) {}

  /**
   * Imports a file in two passes. The first reads every line, checks it as storing would (limits,
   * ids of other users, conversations older than stored, ids in order and once each) and checks
   * the end line, so that a bad or cut file imports nothing; the second stores each conversation
   * in one transaction.
   *
   * @param open opens the file for reading, once per pass
   * @param progress told the bytes read so far in the second pass
   */
  static ImportReport importFile(Source open, TransferUseCase transfer, ImportOptions options, LongConsumer progress)
      throws IOException {
    try (InputStream input = open.open()) {
      Lines lines = new Lines(input, options, count -> { });
      if (lines.version == VERSION_WITHOUT_END_LINE) {
        options.warnings().accept("the file is in version 1 of the export format, which has no end line: "
            + "a file cut short at a line boundary cannot be detected");
      }
      while (lines.hasNext()) {
        ConversationSnapshot snapshot = lines.next();
        lines.refusedAt(() -> transfer.checkImport(snapshot, options.mode()));
      }
    }
    try (InputStream input = open.open()) {
      Lines lines = new Lines(input, options, progress);
      return lines.refusedAt(() -> transfer.importAll(lines, options.mode()));
    }
  }

  /** Opens the file being imported. */
  @FunctionalInterface
  interface Source {
    InputStream open() throws IOException;
  }

  /** A line of the file that cannot be imported, by its number. */
  static final class InvalidFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidFileException(long line, String problem) {
      super("line " + line + ": " + problem);
    }
  }

  /**
   * The conversations of a file, read and checked one line at a time. Lines are read into a
   * bounded buffer, so a line longer than the limit is refused before it is held whole.
   */
  private static final class Lines implements Iterator<ConversationSnapshot> {

    private final InputStream input;
    private final ImportOptions options;
    private final LongConsumer progress;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** The line being read; grows up to the limit. */
    private byte[] line = new byte[1 << 12];
    private long lineNumber;
    private long bytesRead;
    private final int version;
    /** The number of the line of the snapshot last returned. */
    private long snapshotLine;
    private ConversationId previousId;
    private Totals totals = new Totals(0, 0, 0);
    private String next;
    private boolean advancePending;

    Lines(InputStream input, ImportOptions options, LongConsumer progress) throws IOException {
      this.input = input;
      this.options = options;
      this.progress = progress;
      String header = readLine();
      if (header == null) {
        throw new InvalidFileException(1, "the file is empty; a convostore export starts with its header line");
      }
      JsonNode json = parse(header);
      if (!FORMAT.equals(json.path("format").asText()) || !json.path("version").canConvertToInt()) {
        throw new InvalidFileException(1, "is not the header of a convostore export: {\"format\":\"" + FORMAT
            + "\",\"version\":" + VERSION + "}");
      }
      version = json.path("version").asInt();
      if (version < VERSION_WITHOUT_END_LINE || version > VERSION) {
        throw new InvalidFileException(1, "the file is in version " + version
            + " of the export format; this convostore reads versions 1 to " + VERSION);
      }
      advance();
    }

    /** Runs a step of the import; a refusal of the store is told with the number of the line it refused. */
    <T> T refusedAt(Supplier<T> step) {
      try {
        return step.get();
      } catch (ValidationException | ConflictException refused) {
        throw new InvalidFileException(snapshotLine, refused.getMessage());
      }
    }

    void refusedAt(Runnable step) {
      refusedAt(() -> {
        step.run();
        return null;
      });
    }

    /** Moves to the next conversation line; at the end of the file, checks its end line. */
    private void advance() throws IOException {
      next = readLine();
      if (next == null) {
        if (version != VERSION_WITHOUT_END_LINE) {
          throw new InvalidFileException(lineNumber + 1, "the file ends without the export's end line: it was cut short");
        }
        return;
      }
      JsonNode json = parse(next);
      if (json.has("end") && version != VERSION_WITHOUT_END_LINE) {
        Totals stated = new Totals(json.path("end").path("conversations").asLong(-1),
            json.path("end").path("messages").asLong(-1), json.path("end").path("contextItems").asLong(-1));
        if (!stated.equals(totals)) {
          throw new InvalidFileException(lineNumber, "the end line counts " + stated.conversations() + " conversations, "
              + stated.messages() + " messages and " + stated.contextItems() + " context items, but the file holds "
              + totals.conversations() + ", " + totals.messages() + " and " + totals.contextItems());
        }
        if (readLine() != null) {
          throw new InvalidFileException(lineNumber, "follows the export's end line");
        }
        next = null;
      }
    }

    /** The next non-blank line, without its line break; null at the end of the file. */
    private String readLine() throws IOException {
      String line;
      do {
        line = readRawLine();
        if (line == null) {
          return null;
        }
      } while (line.isBlank());
      return line;
    }

    /**
     * Lines are split on bytes and each is decoded on its own, so that invalid UTF-8 is reported
     * at its line, and a line is refused as soon as it outgrows the limit.
     */
    private String readRawLine() throws IOException {
      int length = 0;
      while (true) {
        if (position == limit) {
          limit = Math.max(input.read(buffer), 0);
          position = 0;
          if (limit == 0) {
            return length == 0 ? null : decode(length);
          }
        }
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        int chunk = position - start;
        if (length + chunk > options.maxLineBytes()) {
          throw new InvalidFileException(lineNumber + 1, "is longer than " + (options.maxLineBytes() >> 20)
              + " MiB; a larger conversation needs --max-line-mb (and memory for it)");
        }
        if (line.length < length + chunk) {
          line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, length + chunk), options.maxLineBytes()));
        }
        System.arraycopy(buffer, start, line, length, chunk);
        length += chunk;
        bytesRead += chunk;
        if (position < limit) {
          position++;
          bytesRead++;
          return decode(length > 0 && line[length - 1] == '\r' ? length - 1 : length);
        }
      }
    }

    private String decode(int length) {
      lineNumber++;
      try {
        return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
      } catch (CharacterCodingException notUtf8) {
        throw new InvalidFileException(lineNumber, "is not valid UTF-8 text");
      }
    }

    private JsonNode parse(String line) {
      try {
        JsonNode json = MAPPER.readTree(line);
        if (json == null || !json.isObject()) {
          throw new InvalidFileException(lineNumber, "is not a JSON object");
        }
        return json;
      } catch (JsonProcessingException malformed) {
        throw new InvalidFileException(lineNumber, "is not valid JSON (" + malformed.getOriginalMessage() + ")");
      }
    }

    @Override
    public boolean hasNext() {
      if (advancePending) {
        advancePending = false;
        try {
          advance();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return next != null;
    }

    @Override
    public ConversationSnapshot next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      snapshotLine = lineNumber;
      ConversationSnapshot snapshot;
      try {
        snapshot = snapshot(parse(next));
      } catch (ConvostoreException | IllegalArgumentException | DateTimeParseException wrong) {
        throw new InvalidFileException(lineNumber, wrong.getMessage());
      }
      ConversationId id = snapshot.conversation().id();
      if (previousId != null && id.compareTo(previousId) <= 0) {
        throw new InvalidFileException(lineNumber, "conversation " + id + (id.equals(previousId) ? " comes twice"
            : " is out of order") + ": an export holds each conversation once, in id order");
      }
      previousId = id;
      totals = totals.plus(snapshot);
      progress.accept(bytesRead);
      advancePending = true; // the next line is read when asked for, after the caller has checked this one
      return snapshot;
    }
  }

  private static ConversationSnapshot snapshot(JsonNode c) {
    ConversationId id = ConversationId.parse(text(c, "id"));
    UserId owner = UserId.of(text(c, "owner"));
    JsonNode state = required(c, "agentState");
    List<String> focusAreas = new ArrayList<>();
    for (JsonNode area : array(state, "focusAreas")) {
      focusAreas.add(textValue("agentState.focusAreas", area));
    }
    AgentState agentState = new AgentState(number(state, "stepCount"), focusAreas,
        optionalText(state, "lastUserInput"), optionalJson(state, "lastToolResult", "agentState.lastToolResult"));
    Conversation conversation = new Conversation(id, owner, optionalText(c, "title"), bool(c, "active"),
        instant(c, "createdAt"), instant(c, "updatedAt"), number(c, "messageCount"),
        number(c, "lastSequence"), object(c, "metadata", "metadata"), agentState, number(c, "version"));
    List<Message> messages = new ArrayList<>();
    for (JsonNode m : array(c, "messages")) {
      String field = "messages[" + messages.size() + "]";
      List<ToolCall> calls = new ArrayList<>();
      if (m.hasNonNull("toolCalls")) {
        for (JsonNode call : array(m, "toolCalls")) {
          String callField = field + ".toolCalls[" + calls.size() + "]";
          calls.add(new ToolCall(text(call, "callId"), text(call, "toolName"),
              object(call, "arguments", callField + ".arguments")));
        }
      }
      Optional<ToolResult> result = Optional.empty();
      if (m.hasNonNull("toolResult")) {
        JsonNode r = required(m, "toolResult");
        result = Optional.of(new ToolResult(text(r, "callId"), text(r, "toolName"),
            named(ToolOutcome.class, field + ".toolResult.outcome", text(r, "outcome")), optionalText(r, "actionTaken")));
      }
      messages.add(new Message(MessageId.parse(text(m, "id")), id, owner, number(m, "sequence"),
          named(MessageRole.class, field + ".role", text(m, "role")), named(MessageKind.class, field + ".kind", text(m, "kind")),
          text(m, "content"), calls, result, instant(m, "createdAt"), object(m, "metadata", field + ".metadata")));
    }
    List<ContextItem> items = new ArrayList<>();
    for (JsonNode i : array(c, "contextItems")) {
      String field = "contextItems[" + items.size() + "]";
      NewContextItem details = new NewContextItem(ContextSource.of(text(i, "source")), text(i, "content"),
          required(i, "relevance").asDouble(), optionalText(i, "contextType"),
          optionalText(i, "originalRole").map(role -> named(MessageRole.class, field + ".originalRole", role)),
          optionalText(i, "focusArea"), optionalText(i, "preferenceType"), object(i, "metadata", field + ".metadata"));
      items.add(new ContextItem(ContextItemId.parse(text(i, "id")), id, details, instant(i, "createdAt")));
    }
    List<MessageFeedback> feedback = new ArrayList<>();
    for (JsonNode f : c.hasNonNull("feedback") ? array(c, "feedback") : MAPPER.createArrayNode()) {
      feedback.add(new MessageFeedback(MessageId.parse(text(f, "messageId")),
          new Feedback(decimal(f, "rating"), optionalText(f, "label"), optionalText(f, "comment")), instant(f, "givenAt")));
    }
    return new ConversationSnapshot(conversation, messages, items, feedback);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return textValue(field, required(node, field));
  }

  private static String textValue(String field, JsonNode value) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be text");
    }
    return value.textValue();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw new IllegalArgumentException("'" + field + "' must be a whole number");
    }
    return value.asLong();
  }

  private static double decimal(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isNumber()) {
      throw new IllegalArgumentException("'" + field + "' must be a number");
    }
    return value.asDouble();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isBoolean()) {
      throw new IllegalArgumentException("'" + field + "' must be true or false");
    }
    return value.booleanValue();
  }

  private static JsonNode array(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be a JSON array");
    }
    return value;
  }

  /** An enum constant by its lowercase name, as the format writes them. */
  private static <E extends Enum<E>> E named(Class<E> type, String field, String name) {
    for (E constant : type.getEnumConstants()) {
      if (Views.lower(constant).equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("'" + field + "' must be one of " + Arrays.stream(type.getEnumConstants())
        .map(Views::lower).collect(Collectors.joining(", ")) + ", not '" + name + "'");
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(text(node, field)) : Optional.empty();
  }

  private static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notAnInstant) {
      throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant such as 2026-01-05T12:00:00Z, not '"
          + text + "'");
    }
  }

  private static Optional<JsonValue> optionalJson(JsonNode node, String key, String field) {
    return node.hasNonNull(key) ? Optional.of(json(field, node.get(key), 0)) : Optional.empty();
  }

  private static JsonObject object(JsonNode node, String key, String field) {
    if (!node.hasNonNull(key)) {
      return JsonObject.empty();
    }
    if (!node.get(key).isObject()) {
      throw new IllegalArgumentException("'" + field + "' must be a JSON object");
    }
    return (JsonObject) json(field, node.get(key), 0);
  }

  /** The domain's JSON of a parsed value; depth is checked on the way down, so errors name the field. */
  static JsonValue json(String field, JsonNode node, int depth) {
    if (node.isContainerNode() && depth >= JsonValue.MAX_DEPTH) {
      throw new ValidationException(field, "is nested deeper than " + JsonValue.MAX_DEPTH + " levels");
    }
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          members.put(member.getKey(), json(field + "." + member.getKey(), member.getValue(), depth + 1));
        }
        yield new JsonObject(members);
      }
      case ARRAY -> {
        List<JsonValue> elements = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          elements.add(json(field + "[" + elements.size() + "]", element, depth + 1));
        }
        yield new JsonArray(elements);
      }
      case STRING -> new JsonString(node.textValue());
      case NUMBER -> new JsonNumber(node.decimalValue());
      case BOOLEAN -> JsonBoolean.of(node.booleanValue());
      default -> JsonNull.NULL;
    };
  }
}
