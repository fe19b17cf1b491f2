package dev.convostore.bootstrap;

import dev.convostore.application.port.in.ImportReport;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Spring AI's chat memory in convostore: how a Spring AI conversation id names a convostore
 * conversation (the rule the Spring AI integration follows), and the import of the table Spring
 * AI's {@code JdbcChatMemoryRepository} writes ({@code SPRING_AI_CHAT_MEMORY}, in its 1.x schema,
 * ordered by timestamp, and its 2.x schema, ordered by {@code sequence_id}).
 *
 * <p>Each Spring AI conversation becomes a conversation of the named user, with the id {@link
 * #conversationId} gives and the Spring AI id in its metadata ({@value #CONVERSATION_ID}), its
 * messages in order with their timestamps. A conversation the store already holds is left as it
 * is, so importing twice changes nothing. The table holds text only: a {@code TOOL} row becomes a
 * tool result of an unknown tool, and a blank text becomes {@value #NO_TEXT}.
 */
public final class SpringAiChatMemory {

  /** The conversation metadata member that holds the Spring AI conversation id. */
  public static final String CONVERSATION_ID = "springAi.conversationId";

  /** The framework's name in its conversations' ids and notes. */
  public static final String FRAMEWORK = "spring-ai";

  /** The table Spring AI's JDBC repository writes. */
  public static final String DEFAULT_TABLE = "SPRING_AI_CHAT_MEMORY";

  /** What a message holds whose Spring AI text was blank (convostore keeps text messages non-blank). */
  public static final String NO_TEXT = "(no text)";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** Rows read from the source at a time. */
  private static final int FETCH_SIZE = 1_000;

  private SpringAiChatMemory() {}

  /** The convostore conversation of a user's Spring AI conversation: the same one every time. */
  public static ConversationId conversationId(UserId user, String springAiConversationId) {
    return MemoryIds.conversationId(FRAMEWORK, user, springAiConversationId);
  }

  /**
   * Imports every conversation of {@code table} at {@code sourceUrl} as conversations of {@code
   * user}, reporting the rows read so far to {@code progress}.
   *
   * @param connection the source's JDBC properties ({@code user}, {@code password}), may be empty
   * @throws ValidationException when the table is not a Spring AI chat memory table
   * @throws StoreFailureException when the source cannot be read
   */
  public static ImportReport importTable(
      ConvoStore store, String sourceUrl, Properties connection, String table, UserId user, LongConsumer progress) {
    if (table == null || !TABLE_NAME.matcher(table).matches()) {
      throw new ValidationException("table", "must be a table name, optionally with its schema");
    }
    Connection source;
    try {
      source = DriverManager.getConnection(sourceUrl, readOnly(sourceUrl, connection));
    } catch (SQLException failed) {
      throw new StoreFailureException(StoreFailureException.Kind.UNAVAILABLE,
          "cannot connect to " + ConvoStore.displayUrl(sourceUrl) + " (SQLSTATE " + failed.getSQLState() + ")", null);
    }
    try (source) {
      source.setAutoCommit(false); // lets PostgreSQL stream the rows with a cursor
      Columns columns;
      try {
        columns = Columns.of(source, table);
      } catch (SQLException failed) {
        throw new ValidationException("table", table + " cannot be read at " + ConvoStore.displayUrl(sourceUrl)
            + ": there is no such table, or the user may not read it");
      }
      return new Importer(store, user).run(source, columns, progress);
    } catch (SQLException failed) {
      throw new StoreFailureException(StoreFailureException.Kind.UNAVAILABLE, "reading " + table + " at "
          + ConvoStore.displayUrl(sourceUrl) + " failed (SQLSTATE " + failed.getSQLState() + ")", null);
    }
  }

  /** SQLite would create a missing file: it opens the source read-only, so a wrong path is an error. */
  private static Properties readOnly(String sourceUrl, Properties connection) {
    Properties properties = new Properties();
    properties.putAll(connection);
    if (sourceUrl.startsWith("jdbc:sqlite:")) {
      properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    }
    return properties;
  }

  /** The table's columns as the source names them, and how its rows are ordered. */
  private record Columns(String table, Map<String, String> names, boolean sequenced) {

    static Columns of(Connection source, String table) throws SQLException {
      Map<String, String> names = new HashMap<>();
      try (Statement statement = source.createStatement();
          ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
        ResultSetMetaData metadata = empty.getMetaData();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
          names.put(metadata.getColumnName(i).toLowerCase(Locale.ROOT), metadata.getColumnName(i));
        }
      }
      for (String required : List.of("conversation_id", "content", "type", "timestamp")) {
        if (!names.containsKey(required)) {
          throw new ValidationException("table", table + " has no column " + required
              + ": it is not a Spring AI chat memory table");
        }
      }
      return new Columns(table, names, names.containsKey("sequence_id"));
    }

    String select(DatabaseMetaData database) throws SQLException {
      String quote = database.getIdentifierQuoteString().strip();
      return "SELECT " + quoted("conversation_id", quote) + ", " + quoted("content", quote) + ", "
          + quoted("type", quote) + ", " + quoted("timestamp", quote) + " FROM " + table + " ORDER BY "
          + quoted("conversation_id", quote) + ", " + quoted(sequenced ? "sequence_id" : "timestamp", quote);
    }

    private String quoted(String column, String quote) {
      return quote + names.get(column) + quote;
    }
  }

  /** Reads the rows in order and stores each conversation once they are all read. */
  private static final class Importer {

    private final ConvoStore store;
    private final UserId user;
    private long conversations;
    private long messages;
    private long unchanged;

    Importer(ConvoStore store, UserId user) {
      this.store = store;
      this.user = user;
    }

    ImportReport run(Connection source, Columns columns, LongConsumer progress) throws SQLException {
      long rows = 0;
      try (PreparedStatement select = source.prepareStatement(columns.select(source.getMetaData()))) {
        select.setFetchSize(FETCH_SIZE);
        try (ResultSet result = select.executeQuery()) {
          String current = null;
          List<Row> conversation = new ArrayList<>();
          while (result.next()) {
            Row row = new Row(result.getString(1), result.getString(2), result.getString(3), instant(result.getObject(4)));
            if (current != null && !current.equals(row.conversationId())) {
              store(current, conversation);
              conversation.clear();
            }
            current = row.conversationId();
            conversation.add(row);
            progress.accept(++rows);
          }
          if (current != null) {
            store(current, conversation);
          }
        }
      }
      return new ImportReport(conversations, messages, 0, unchanged);
    }

    private void store(String springAiId, List<Row> rows) {
      ConversationId id = conversationId(user, springAiId);
      try {
        store.conversations().get(user, id);
        unchanged++;
        return;
      } catch (NotFoundException notYet) {
        // imported below
      }
      Instant first = rows.get(0).at();
      Instant last = rows.stream().map(Row::at).max(Instant::compareTo).orElse(first);
      Conversation conversation = new Conversation(id, user, Optional.empty(), true, first, last, rows.size(),
          rows.size(), JsonObject.of(CONVERSATION_ID, springAiId), AgentState.initial(), 1);
      List<Message> stored = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        stored.add(rows.get(i).message(id, user, i + 1));
      }
      store.conversations().save(user, new ConversationSnapshot(conversation, stored, List.of()));
      conversations++;
      messages += rows.size();
    }

    private static Instant instant(Object column) {
      if (column instanceof Timestamp timestamp) {
        return timestamp.toInstant();
      }
      if (column instanceof OffsetDateTime offset) {
        return offset.toInstant();
      }
      if (column instanceof LocalDateTime local) {
        return local.toInstant(ZoneOffset.UTC);
      }
      if (column instanceof Number millis) { // SQLite keeps epoch milliseconds
        return Instant.ofEpochMilli(millis.longValue());
      }
      throw new ValidationException("timestamp", "holds a " + (column == null ? "null" : column.getClass().getSimpleName())
          + ", not a time");
    }
  }

  /** One row of the table. */
  private record Row(String conversationId, String content, String type, Instant at) {

    Message message(ConversationId id, UserId owner, long sequence) {
      String text = content == null || content.isBlank() ? NO_TEXT : content;
      MessageRole role = switch (type == null ? "" : type.toUpperCase(Locale.ROOT)) {
        case "USER" -> MessageRole.USER;
        case "ASSISTANT" -> MessageRole.ASSISTANT;
        case "SYSTEM" -> MessageRole.SYSTEM;
        case "TOOL" -> MessageRole.TOOL;
        default -> throw new ValidationException("type", "is '" + type + "' in conversation " + conversationId
            + ": expected USER, ASSISTANT, SYSTEM or TOOL");
      };
      if (role == MessageRole.TOOL) {
        return new Message(MessageId.newId(), id, owner, sequence, role, MessageKind.TOOL_RESULT,
            content == null ? "" : content, List.of(),
            Optional.of(new ToolResult("spring-ai-" + sequence, "unknown", ToolOutcome.SUCCESS, Optional.empty())),
            at, JsonObject.empty());
      }
      return new Message(MessageId.newId(), id, owner, sequence, role, MessageKind.TEXT, text, List.of(),
          Optional.empty(), at, JsonObject.empty());
    }
  }
}
