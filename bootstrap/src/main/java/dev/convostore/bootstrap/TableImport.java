package dev.convostore.bootstrap;

import dev.convostore.application.port.in.ImportReport;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
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
import dev.convostore.sql.JsonColumns;
import java.sql.Connection;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Moving in from an existing table: the messages of any SQL table or query a JDBC URL reaches,
 * named by their columns, stored as conversations. The source is opened read-only and read in
 * one pass, a conversation at a time.
 *
 * <ul>
 *   <li>The rows with the same conversation id (and user, when a column names it) are one
 *       conversation, whose id {@link MemoryIds#conversationId} derives from the namespace, the
 *       user and the id's text (text and integer ids alike), so the same rows always find the same
 *       conversation; the id's text is kept in its metadata under the import's member.
 *   <li>Messages are numbered 1, 2, 3 ... in the order of the order column, or else of the time
 *       column; a conversation's title is the first title its rows hold.
 *   <li>Roles are {@code user}, {@code assistant}, {@code system} and {@code tool}, in any case.
 *       A tool row becomes a tool result of its tool ({@code unknown} without a tool name) with
 *       its outcome (success unless the success column says false) and action; on other rows a
 *       tool name, success and action are kept in the message's metadata ({@value #TOOL_NAME},
 *       {@value #TOOL_SUCCESS}, {@value #ACTION_TAKEN}), beside the metadata column's JSON object.
 *       A blank text becomes {@value #NO_TEXT}.
 *   <li>Times are the source's timestamps, ISO-8601 text (a space may stand for the {@code T}; a
 *       time without offset is UTC) or numbers of epoch milliseconds (or seconds, when asked).
 *       Without a time column every message gets the time the import started.
 *   <li>A conversation the store already holds is left as it is, so running the import again
 *       changes nothing.
 * </ul>
 *
 * @param url the source's JDBC URL
 * @param connection the source's JDBC properties ({@code user}, {@code password}), may be empty
 * @param source a table name (optionally with its schema) or a query ({@code SELECT} or {@code WITH})
 * @param columns which columns hold what
 * @param namespace what, with the user and the conversation id, names a conversation
 * @param idMember the conversation metadata member that keeps the source's conversation id
 * @param epochSeconds whether numeric times count seconds rather than milliseconds
 */
public record TableImport(
    String url, Properties connection, String source, Columns columns, String namespace, String idMember,
    boolean epochSeconds) {

  /** The namespace of an import that names none. */
  public static final String DEFAULT_NAMESPACE = "table";

  /** The conversation metadata member that keeps the source's conversation id, unless the import names another. */
  public static final String SOURCE_ID = "import.conversationId";

  /** Message metadata members that keep a non-tool row's tool columns. */
  public static final String TOOL_NAME = "toolName";
  public static final String TOOL_SUCCESS = "toolSuccess";
  public static final String ACTION_TAKEN = "actionTaken";

  /** What a text message holds whose source text was blank (convostore keeps text messages non-blank). */
  public static final String NO_TEXT = "(no text)";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
  private static final Pattern QUERY = Pattern.compile("(?is)\\s*(SELECT|WITH)\\s.*");

  /** Rows read from the source at a time. */
  private static final int FETCH_SIZE = 1_000;

  /**
   * The source's columns by name: the three a message needs, and a time or an order column.
   *
   * @param conversationId the conversation's id, text or integer
   * @param role the message's role
   * @param content the message's text
   * @param user the conversation's user, when the source holds it (else the import's user)
   * @param createdAt when the message was written
   * @param order the messages' order within a conversation (else the time orders them)
   * @param title the conversation's title
   * @param toolName the tool a tool message (or the message's tool use) names
   * @param toolSuccess whether that tool succeeded: a boolean, 1 or 0, or true/false, yes/no, success/failure text
   * @param actionTaken what the tool did
   * @param metadata a JSON object of the message's own data
   */
  public record Columns(
      String conversationId, String role, String content, Optional<String> user, Optional<String> createdAt,
      Optional<String> order, Optional<String> title, Optional<String> toolName, Optional<String> toolSuccess,
      Optional<String> actionTaken, Optional<String> metadata) {

    /** Validates every name; a time or an order column is required. */
    public Columns {
      column("conversationId", conversationId);
      column("role", role);
      column("content", content);
      for (Map.Entry<String, Optional<String>> optional : Map.of("user", user, "createdAt", createdAt, "order", order,
          "title", title, "toolName", toolName, "toolSuccess", toolSuccess, "actionTaken", actionTaken,
          "metadata", metadata).entrySet()) {
        Objects.requireNonNull(optional.getValue(), optional.getKey()).ifPresent(name -> column(optional.getKey(), name));
      }
      if (createdAt.isEmpty() && order.isEmpty()) {
        throw new ValidationException("createdAt", "a time column or an order column is needed to number the messages");
      }
    }

    /** The columns of the conversation id, role, content and time. */
    public static Columns of(String conversationId, String role, String content, String createdAt) {
      return new Columns(conversationId, role, content, Optional.empty(), Optional.of(createdAt), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These columns with the order column. */
    public Columns order(String name) {
      return new Columns(conversationId, role, content, user, createdAt, Optional.of(name), title, toolName,
          toolSuccess, actionTaken, metadata);
    }

    private static void column(String field, String name) {
      if (name == null || !IDENTIFIER.matcher(name).matches()) {
        throw new ValidationException(field, "must be a column name (letters, digits and _)");
      }
    }

    /** Each named column, by what it holds, in reading order. */
    private Map<String, String> named() {
      Map<String, String> named = new LinkedHashMap<>();
      named.put("conversationId", conversationId);
      user.ifPresent(name -> named.put("user", name));
      named.put("role", role);
      named.put("content", content);
      createdAt.ifPresent(name -> named.put("createdAt", name));
      order.ifPresent(name -> named.put("order", name));
      title.ifPresent(name -> named.put("title", name));
      toolName.ifPresent(name -> named.put("toolName", name));
      toolSuccess.ifPresent(name -> named.put("toolSuccess", name));
      actionTaken.ifPresent(name -> named.put("actionTaken", name));
      metadata.ifPresent(name -> named.put("metadata", name));
      return named;
    }
  }

  /** Validates every component. */
  public TableImport {
    Objects.requireNonNull(url, "url");
    connection = copy(Objects.requireNonNull(connection, "connection"));
    if (source == null || !(TABLE_NAME.matcher(source).matches() || isQuery(source))) {
      throw new ValidationException("source", "must be a table name, optionally with its schema, "
          + "or one SELECT or WITH query");
    }
    Objects.requireNonNull(columns, "columns");
    if (namespace == null || namespace.isBlank()) {
      throw new ValidationException("namespace", "must not be blank");
    }
    if (idMember == null || idMember.isBlank()) {
      throw new ValidationException("idMember", "must not be blank");
    }
  }

  /** An import of {@code source} at {@code url} in the default namespace, with epoch milliseconds. */
  public static TableImport of(String url, Properties connection, String source, Columns columns) {
    return new TableImport(url, connection, source, columns, DEFAULT_NAMESPACE, SOURCE_ID, false);
  }

  /** This import in another namespace. */
  public TableImport namespace(String name) {
    return new TableImport(url, connection, source, columns, name, idMember, epochSeconds);
  }

  /** This import keeping the source's conversation id under another metadata member. */
  public TableImport idMember(String member) {
    return new TableImport(url, connection, source, columns, namespace, member, epochSeconds);
  }

  /** This import reading numeric times as epoch seconds. */
  public TableImport epochSeconds(boolean seconds) {
    return new TableImport(url, connection, source, columns, namespace, idMember, seconds);
  }

  private static boolean isQuery(String source) {
    String query = withoutFinalSemicolon(source);
    return QUERY.matcher(query).matches() && !query.contains(";");
  }

  private static String withoutFinalSemicolon(String source) {
    String trimmed = source.strip();
    return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static Properties copy(Properties connection) {
    Properties copy = new Properties();
    copy.putAll(connection);
    return copy;
  }

  /** The conversation the rows of a source conversation id become, for a user: the same one every time. */
  public ConversationId conversationId(UserId user, String sourceId) {
    return MemoryIds.conversationId(namespace, user, sourceId);
  }

  /**
   * Imports every conversation of the source into {@code store}, reporting the rows read so far.
   *
   * @param user the user of every conversation, unless a column names it
   * @throws ValidationException naming a column the source lacks, or a value that does not fit
   * @throws StoreFailureException when the source cannot be reached or read
   */
  public ImportReport run(ConvoStore store, UserId user, LongConsumer progress) {
    Objects.requireNonNull(user, "user");
    String where = ConvoStore.displayUrl(url);
    Connection opened;
    try {
      opened = DriverManager.getConnection(url, readOnly());
    } catch (SQLException failed) {
      throw new StoreFailureException(StoreFailureException.Kind.UNAVAILABLE,
          "cannot connect to " + where + " (SQLSTATE " + failed.getSQLState() + ")", null);
    }
    try (opened) {
      opened.setReadOnly(true);
      opened.setAutoCommit(false); // lets PostgreSQL stream the rows with a cursor
      String select;
      try {
        select = select(opened);
      } catch (SQLException failed) {
        throw new ValidationException("source", described() + " cannot be read at " + where
            + ": there is no such table, the query fails, or the user may not read it");
      }
      return new Importer(store, user).run(opened, select, progress);
    } catch (SQLException failed) {
      throw new StoreFailureException(StoreFailureException.Kind.UNAVAILABLE, "reading " + described() + " at "
          + where + " failed (SQLSTATE " + failed.getSQLState() + ")", null);
    }
  }

  private String described() {
    return TABLE_NAME.matcher(source).matches() ? source : "the query";
  }

  /** SQLite would create a missing file: it opens the source read-only, so a wrong path is an error. */
  private Properties readOnly() {
    Properties properties = copy(connection);
    if (url.startsWith("jdbc:sqlite:")) {
      properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    }
    return properties;
  }

  private String from() {
    return TABLE_NAME.matcher(source).matches() ? source : "(" + withoutFinalSemicolon(source) + ") source_rows";
  }

  /** The source's rows, a conversation after another, each conversation's in order; fails naming a missing column. */
  private String select(Connection source) throws SQLException {
    Map<String, String> actual = new HashMap<>();
    try (Statement statement = source.createStatement();
        ResultSet empty = statement.executeQuery("SELECT * FROM " + from() + " WHERE 1 = 0")) {
      ResultSetMetaData metadata = empty.getMetaData();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        actual.put(metadata.getColumnLabel(i).toLowerCase(Locale.ROOT), metadata.getColumnLabel(i));
      }
    }
    String quote = source.getMetaData().getIdentifierQuoteString().strip();
    Map<String, String> quoted = new LinkedHashMap<>();
    columns.named().forEach((field, name) -> {
      String found = actual.get(name.toLowerCase(Locale.ROOT));
      if (found == null) {
        throw new ValidationException(field, described() + " has no column " + name);
      }
      quoted.put(field, quote + found + quote);
    });
    List<String> order = new ArrayList<>(List.of(quoted.get("conversationId")));
    columns.user().ifPresent(name -> order.add(quoted.get("user")));
    order.add(quoted.get(columns.order().isPresent() ? "order" : "createdAt"));
    return "SELECT " + String.join(", ", quoted.values()) + " FROM " + from() + " ORDER BY " + String.join(", ", order);
  }

  /** Reads the rows in order and stores each conversation once all its rows are read. */
  private final class Importer {

    private final ConvoStore store;
    private final UserId defaultUser;
    private final Instant started = Instant.now();
    private long conversations;
    private long messages;
    private long unchanged;

    Importer(ConvoStore store, UserId defaultUser) {
      this.store = store;
      this.defaultUser = defaultUser;
    }

    ImportReport run(Connection source, String select, LongConsumer progress) throws SQLException {
      List<String> fields = new ArrayList<>(columns.named().keySet());
      long rows = 0;
      try (PreparedStatement statement = source.prepareStatement(select)) {
        statement.setFetchSize(FETCH_SIZE);
        try (ResultSet result = statement.executeQuery()) {
          List<Row> conversation = new ArrayList<>();
          while (result.next()) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
              values.put(fields.get(i), result.getObject(i + 1));
            }
            Row row = new Row(values);
            if (!conversation.isEmpty() && !conversation.get(0).sameConversation(row)) {
              store(conversation);
              conversation.clear();
            }
            conversation.add(row);
            progress.accept(++rows);
          }
          if (!conversation.isEmpty()) {
            store(conversation);
          }
        }
      }
      return new ImportReport(conversations, messages, 0, unchanged);
    }

    private void store(List<Row> rows) {
      UserId user = rows.get(0).user();
      String sourceId = rows.get(0).conversationId();
      ConversationId id = conversationId(user, sourceId);
      try {
        store.conversations().get(user, id);
        unchanged++;
        return;
      } catch (NotFoundException notYet) {
        // imported below
      }
      List<Message> stored = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        stored.add(rows.get(i).message(id, user, i + 1));
      }
      Instant first = stored.stream().map(Message::createdAt).min(Instant::compareTo).orElseThrow();
      Instant last = stored.stream().map(Message::createdAt).max(Instant::compareTo).orElseThrow();
      Optional<String> title = rows.stream().map(Row::title).flatMap(Optional::stream).findFirst();
      Conversation conversation = new Conversation(id, user, title, true, first, last, rows.size(), rows.size(),
          JsonObject.of(idMember, sourceId), AgentState.initial(), 1);
      store.conversations().save(user, new ConversationSnapshot(conversation, stored, List.of()));
      conversations++;
      messages += rows.size();
    }

    /** One row of the source: its values by what they hold. */
    private final class Row {
      private final Map<String, Object> values;

      Row(Map<String, Object> values) {
        this.values = values;
        if (values.get("conversationId") == null) {
          throw new ValidationException(columns.conversationId(), "is null in a row: every message needs its conversation");
        }
      }

      String conversationId() {
        return values.get("conversationId").toString();
      }

      UserId user() {
        return columns.user().isEmpty() ? defaultUser : UserId.of(text("user").orElseThrow(
            () -> new ValidationException(columns.user().get(), "is null in conversation " + conversationId())));
      }

      boolean sameConversation(Row other) {
        return conversationId().equals(other.conversationId()) && Objects.equals(values.get("user"), other.values.get("user"));
      }

      Optional<String> title() {
        return text("title").filter(title -> !title.isBlank());
      }

      private Optional<String> text(String field) {
        return Optional.ofNullable(values.get(field)).map(Object::toString);
      }

      Message message(ConversationId id, UserId owner, long sequence) {
        String content = text("content").orElse("");
        Instant at = values.containsKey("createdAt") ? instant(values.get("createdAt")) : started;
        MessageRole role = role();
        Optional<String> toolName = text("toolName").filter(name -> !name.isBlank());
        Optional<Boolean> success = values.get("toolSuccess") == null ? Optional.empty() : Optional.of(success());
        Optional<String> action = text("actionTaken").filter(text -> !text.isBlank());
        JsonObject metadata = metadata();
        if (role == MessageRole.TOOL) {
          ToolResult result = new ToolResult(namespace + "-" + sequence, toolName.orElse("unknown"),
              success.orElse(true) ? ToolOutcome.SUCCESS : ToolOutcome.FAILURE, action);
          return new Message(MessageId.newId(), id, owner, sequence, role, MessageKind.TOOL_RESULT, content, List.of(),
              Optional.of(result), at, metadata);
        }
        if (toolName.isPresent()) {
          metadata = metadata.with(TOOL_NAME, toolName.get());
        }
        if (success.isPresent()) {
          metadata = metadata.with(TOOL_SUCCESS, success.get());
        }
        if (action.isPresent()) {
          metadata = metadata.with(ACTION_TAKEN, action.get());
        }
        return new Message(MessageId.newId(), id, owner, sequence, role, MessageKind.TEXT,
            content.isBlank() ? NO_TEXT : content, List.of(), Optional.empty(), at, metadata);
      }

      private MessageRole role() {
        String role = text("role").orElse("");
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
          case "user" -> MessageRole.USER;
          case "assistant" -> MessageRole.ASSISTANT;
          case "system" -> MessageRole.SYSTEM;
          case "tool" -> MessageRole.TOOL;
          default -> throw new ValidationException(columns.role(), "is '" + role + "' in conversation " + conversationId()
              + ": expected user, assistant, system or tool");
        };
      }

      private boolean success() {
        Object value = values.get("toolSuccess");
        if (value instanceof Boolean flag) {
          return flag;
        }
        if (value instanceof Number number) {
          return number.doubleValue() != 0;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
          case "true", "t", "1", "yes", "y", "success" -> true;
          case "false", "f", "0", "no", "n", "failure" -> false;
          default -> throw new ValidationException(columns.toolSuccess().orElseThrow(), "is '" + value
              + "' in conversation " + conversationId() + ": expected true or false, 1 or 0, yes or no");
        };
      }

      private JsonObject metadata() {
        Optional<String> text = text("metadata").filter(json -> !json.isBlank());
        if (text.isEmpty()) {
          return JsonObject.empty();
        }
        try {
          return JsonColumns.parseObject(text.get());
        } catch (StoreFailureException malformed) {
          throw new ValidationException(columns.metadata().orElseThrow(), "holds text that is not a JSON object in "
              + "conversation " + conversationId());
        }
      }

      private Instant instant(Object column) {
        if (column instanceof Timestamp timestamp) {
          return timestamp.toInstant();
        }
        if (column instanceof OffsetDateTime offset) {
          return offset.toInstant();
        }
        if (column instanceof LocalDateTime local) {
          return local.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof Number number) {
          return epochSeconds ? Instant.ofEpochSecond(number.longValue()) : Instant.ofEpochMilli(number.longValue());
        }
        if (column instanceof String text) {
          String iso = text.strip().replace(' ', 'T');
          try {
            return OffsetDateTime.parse(iso).toInstant();
          } catch (DateTimeParseException withoutOffset) {
            try {
              return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notATime) {
              // refused below
            }
          }
        }
        throw new ValidationException(columns.createdAt().orElseThrow(), "holds "
            + (column == null ? "null" : "'" + column + "'") + " in conversation " + conversationId() + ", not a time");
      }
    }
  }
}
