package dev.convostore.bootstrap.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convostore.application.port.in.ImportReport;
import dev.convostore.application.port.in.TransferUseCase;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import dev.convostore.sql.EnumNames;
import dev.convostore.sql.JsonColumns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The export format: JSON Lines, a header line then one whole conversation per line (its
 * messages and context items inside). Fields come in a fixed order, JSON values in canonical
 * form and instants as ISO-8601 UTC, so the same data always gives the same bytes.
 */
final class JsonLines {

  /** The format's name and version, as the header line states them. */
  static final String FORMAT = "convostore-export";
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = Cli.JSON;
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonLines() {}

  /** Writes the header and every conversation; returns how many conversations. */
  static long write(Stream<ConversationSnapshot> snapshots, Writer out) throws IOException {
    out.write("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}\n");
    long count = 0;
    for (Iterator<ConversationSnapshot> it = snapshots.iterator(); it.hasNext(); ) {
      out.write(line(it.next()));
      out.write('\n');
      count++;
    }
    out.flush();
    return count;
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
        json.writeStringField("role", EnumNames.lower(m.role()));
        json.writeStringField("kind", EnumNames.lower(m.kind()));
        json.writeStringField("content", m.content());
        if (!m.toolCalls().isEmpty()) {
          json.writeFieldName("toolCalls");
          json.writeRawValue(JsonColumns.toolCalls(m.toolCalls()));
        }
        if (m.toolResult().isPresent()) {
          json.writeFieldName("toolResult");
          json.writeRawValue(JsonColumns.toolResult(m.toolResult().get()));
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
        json.writeStringField("originalRole", i.originalRole().map(EnumNames::lower).orElse(null));
        json.writeStringField("focusArea", i.focusArea().orElse(null));
        json.writeStringField("preferenceType", i.preferenceType().orElse(null));
        json.writeStringField("createdAt", i.createdAt().toString());
        raw(json, "metadata", i.metadata());
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

  /**
   * Imports a file in two passes: the first reads and checks every line, so that a malformed file
   * imports nothing; the second stores each conversation in one transaction (again, replacing it:
   * importing twice changes nothing).
   *
   * @param open opens the file for reading, once per pass
   * @param progress told the characters read so far in the second pass
   */
  static ImportReport importFile(ReaderSource open, TransferUseCase transfer, LongConsumer progress) throws IOException {
    try (BufferedReader reader = open.open()) {
      Lines lines = new Lines(reader, count -> { });
      while (lines.hasNext()) {
        lines.next();
      }
    }
    try (BufferedReader reader = open.open()) {
      return transfer.importAll(new Lines(reader, progress));
    }
  }

  /** Opens the file being imported. */
  @FunctionalInterface
  interface ReaderSource {
    BufferedReader open() throws IOException;
  }

  /** The conversations of a file, read and checked one line at a time. */
  private static final class Lines implements Iterator<ConversationSnapshot> {

    private final BufferedReader reader;
    private final LongConsumer progress;
    private long lineNumber;
    private long charactersRead;
    private String next;

    Lines(BufferedReader reader, LongConsumer progress) throws IOException {
      this.reader = reader;
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
      if (json.path("version").asInt() != VERSION) {
        throw new InvalidFileException(1, "the file is in version " + json.path("version").asInt()
            + " of the export format; this convostore reads version " + VERSION);
      }
      next = readLine();
    }

    private String readLine() throws IOException {
      String line;
      do {
        line = reader.readLine();
        if (line == null) {
          return null;
        }
        lineNumber++;
        charactersRead += line.length() + 1;
      } while (line.isBlank());
      return line;
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
      return next != null;
    }

    @Override
    public ConversationSnapshot next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      ConversationSnapshot snapshot;
      try {
        snapshot = snapshot(parse(next));
      } catch (ConvostoreException | IllegalArgumentException | DateTimeParseException | NullPointerException wrong) {
        throw new InvalidFileException(lineNumber, wrong.getMessage());
      }
      progress.accept(charactersRead);
      try {
        next = readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return snapshot;
    }
  }

  /** A line of the file that cannot be imported, by its number. */
  static final class InvalidFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidFileException(long line, String problem) {
      super("line " + line + ": " + problem);
    }
  }

  private static ConversationSnapshot snapshot(JsonNode c) {
    ConversationId id = new ConversationId(UUID.fromString(text(c, "id")));
    UserId owner = UserId.of(text(c, "owner"));
    JsonNode state = required(c, "agentState");
    List<String> focusAreas = new ArrayList<>();
    required(state, "focusAreas").forEach(area -> focusAreas.add(area.asText()));
    AgentState agentState = new AgentState(required(state, "stepCount").asLong(), focusAreas,
        optionalText(state, "lastUserInput"), optionalJson(state, "lastToolResult"));
    Conversation conversation = new Conversation(id, owner, optionalText(c, "title"), required(c, "active").asBoolean(),
        instant(c, "createdAt"), instant(c, "updatedAt"), required(c, "messageCount").asLong(),
        required(c, "lastSequence").asLong(), object(c, "metadata"), agentState, required(c, "version").asLong());
    List<Message> messages = new ArrayList<>();
    for (JsonNode m : required(c, "messages")) {
      List<ToolCall> calls = m.has("toolCalls") ? JsonColumns.toolCalls(m.get("toolCalls").toString()) : List.of();
      Optional<ToolResult> result = m.has("toolResult") && !m.get("toolResult").isNull()
          ? Optional.of(JsonColumns.toolResult(m.get("toolResult").toString())) : Optional.empty();
      messages.add(new Message(new MessageId(UUID.fromString(text(m, "id"))), id, owner, required(m, "sequence").asLong(),
          EnumNames.upper(MessageRole.class, text(m, "role")), EnumNames.upper(MessageKind.class, text(m, "kind")),
          text(m, "content"), calls, result, instant(m, "createdAt"), object(m, "metadata")));
    }
    List<ContextItem> items = new ArrayList<>();
    for (JsonNode i : required(c, "contextItems")) {
      NewContextItem details = new NewContextItem(ContextSource.of(text(i, "source")), text(i, "content"),
          required(i, "relevance").asDouble(), optionalText(i, "contextType"),
          optionalText(i, "originalRole").map(role -> EnumNames.upper(MessageRole.class, role)),
          optionalText(i, "focusArea"), optionalText(i, "preferenceType"), object(i, "metadata"));
      items.add(new ContextItem(new ContextItemId(UUID.fromString(text(i, "id"))), id, details, instant(i, "createdAt")));
    }
    return new ConversationSnapshot(conversation, messages, items);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be text");
    }
    return value.textValue();
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(text(node, field)) : Optional.empty();
  }

  private static Instant instant(JsonNode node, String field) {
    return Instant.parse(text(node, field));
  }

  private static Optional<JsonValue> optionalJson(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(JsonColumns.parse(node.get(field).toString())) : Optional.empty();
  }

  private static JsonObject object(JsonNode node, String field) {
    if (!node.hasNonNull(field)) {
      return JsonObject.empty();
    }
    if (!node.get(field).isObject()) {
      throw new IllegalArgumentException("'" + field + "' must be a JSON object");
    }
    return JsonColumns.parseObject(node.get(field).toString());
  }
}
