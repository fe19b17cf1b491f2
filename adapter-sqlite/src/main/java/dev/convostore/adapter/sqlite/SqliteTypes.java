package dev.convostore.adapter.sqlite;

import dev.convostore.domain.AgentState;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import java.nio.ByteBuffer;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeAliasRegistry;
import org.apache.ibatis.type.TypeHandler;
import org.apache.ibatis.type.TypeHandlerRegistry;

/**
 * How domain values are stored in SQLite columns: ids as 16-byte BLOBs, instants as microseconds
 * since the epoch, names lowercase, JSON as canonical text with an empty object as NULL.
 */
final class SqliteTypes {

  private SqliteTypes() {}

  /** Registers every handler and the aliases the mapper files use. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void register(Configuration configuration) {
    TypeHandlerRegistry handlers = configuration.getTypeHandlerRegistry();
    handlers.register(ConversationId.class, new ConversationIds());
    handlers.register(MessageId.class, new MessageIds());
    handlers.register(ContextItemId.class, new ContextItemIds());
    handlers.register(UserId.class, new UserIds());
    handlers.register(Instant.class, new Instants());
    handlers.register(MessageRole.class, new Roles());
    handlers.register(MessageKind.class, new Kinds());
    handlers.register(ContextSource.class, new Sources());
    handlers.register(JsonObject.class, new JsonObjects());
    // Handlers of generic types are named in the mapper files, never chosen by type: each is
    // registered under its own class, so none becomes the default for Optional or List.
    for (TypeHandler<?> named : List.of(
        new OptionalTexts(), new OptionalRoles(), new OptionalJson(), new TextLists(), new ToolCalls(), new ToolResults())) {
      handlers.register((Class) named.getClass(), (TypeHandler) named);
    }
    TypeAliasRegistry aliases = configuration.getTypeAliasRegistry();
    for (Class<?> type : List.of(
        OptionalTexts.class, OptionalRoles.class, OptionalJson.class, TextLists.class, ToolCalls.class, ToolResults.class,
        ConversationId.class, MessageId.class, ContextItemId.class, UserId.class, Instant.class, MessageRole.class,
        MessageKind.class, ContextSource.class, JsonObject.class, Optional.class, Conversation.class,
        AgentState.class, Message.class, ContextItem.class, NewContextItem.class)) {
      aliases.registerAlias(type.getSimpleName(), type);
    }
  }

  static byte[] bytes(UUID uuid) {
    return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
  }

  static UUID uuid(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E upper(Class<E> type, String name) {
    return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
  }

  /**
   * A handler from two conversions between the domain value and the column value as the SQLite
   * driver gives it ({@code Long}, {@code Double}, {@code String}, {@code byte[]} or null).
   */
  abstract static class Column<T> implements TypeHandler<T> {

    private final Function<T, Object> toColumn;
    private final Function<Object, T> fromColumn;

    Column(Function<T, Object> toColumn, Function<Object, T> fromColumn) {
      this.toColumn = toColumn;
      this.fromColumn = fromColumn;
    }

    @Override
    public void setParameter(PreparedStatement statement, int index, T value, JdbcType jdbcType) throws SQLException {
      statement.setObject(index, value == null ? null : toColumn.apply(value));
    }

    @Override
    public T getResult(ResultSet results, String column) throws SQLException {
      return fromColumn.apply(results.getObject(column));
    }

    @Override
    public T getResult(ResultSet results, int column) throws SQLException {
      return fromColumn.apply(results.getObject(column));
    }

    @Override
    public T getResult(CallableStatement statement, int column) throws SQLException {
      return fromColumn.apply(statement.getObject(column));
    }
  }

  /** A column that holds NULL for no value. */
  abstract static class Nullable<T> extends Column<T> {
    Nullable(Function<T, Object> toColumn, Function<Object, T> fromColumn) {
      super(toColumn, column -> column == null ? null : fromColumn.apply(column));
    }
  }

  /** An optional value: empty is NULL. */
  abstract static class OptionalColumn<T> extends Column<Optional<T>> {
    OptionalColumn(Function<T, Object> toColumn, Function<Object, T> fromColumn) {
      super(value -> value.map(toColumn).orElse(null), column -> Optional.ofNullable(column).map(fromColumn));
    }
  }

  static final class ConversationIds extends Nullable<ConversationId> {
    ConversationIds() {
      super(id -> bytes(id.value()), column -> new ConversationId(uuid((byte[]) column)));
    }
  }

  static final class MessageIds extends Nullable<MessageId> {
    MessageIds() {
      super(id -> bytes(id.value()), column -> new MessageId(uuid((byte[]) column)));
    }
  }

  static final class ContextItemIds extends Nullable<ContextItemId> {
    ContextItemIds() {
      super(id -> bytes(id.value()), column -> new ContextItemId(uuid((byte[]) column)));
    }
  }

  static final class UserIds extends Nullable<UserId> {
    UserIds() {
      super(UserId::value, column -> new UserId((String) column));
    }
  }

  static final class Instants extends Nullable<Instant> {
    Instants() {
      super(SqliteTypes::micros, column -> instant(((Number) column).longValue()));
    }
  }

  static final class Roles extends Nullable<MessageRole> {
    Roles() {
      super(SqliteTypes::lower, column -> upper(MessageRole.class, (String) column));
    }
  }

  static final class Kinds extends Nullable<MessageKind> {
    Kinds() {
      super(SqliteTypes::lower, column -> upper(MessageKind.class, (String) column));
    }
  }

  static final class Sources extends Nullable<ContextSource> {
    Sources() {
      super(ContextSource::name, column -> new ContextSource((String) column));
    }
  }

  /** Metadata: the empty object is stored as NULL, which is most rows. */
  static final class JsonObjects extends Column<JsonObject> {
    JsonObjects() {
      super(json -> json.isEmpty() ? null : json.toJson(),
          column -> column == null ? JsonObject.empty() : JsonCodec.parseObject((String) column));
    }
  }

  static final class OptionalTexts extends OptionalColumn<String> {
    OptionalTexts() {
      super(text -> text, column -> (String) column);
    }
  }

  static final class OptionalRoles extends OptionalColumn<MessageRole> {
    OptionalRoles() {
      super(SqliteTypes::lower, column -> upper(MessageRole.class, (String) column));
    }
  }

  static final class OptionalJson extends OptionalColumn<JsonValue> {
    OptionalJson() {
      super(JsonValue::toJson, column -> JsonCodec.parse((String) column));
    }
  }

  /** A list of texts as a JSON array; the empty list is {@code []}. */
  static final class TextLists extends Column<List<String>> {
    TextLists() {
      super(texts -> new JsonArray(texts.stream().<JsonValue>map(JsonString::new).toList()).toJson(),
          column -> ((JsonArray) JsonCodec.parse((String) column)).elements().stream()
              .map(element -> ((JsonString) element).value())
              .toList());
    }
  }

  /** Tool calls as a JSON array; none is NULL. */
  static final class ToolCalls extends Column<List<ToolCall>> {
    ToolCalls() {
      super(calls -> calls.isEmpty() ? null : JsonCodec.toolCalls(calls),
          column -> column == null ? List.of() : JsonCodec.toolCalls((String) column));
    }
  }

  static final class ToolResults extends OptionalColumn<ToolResult> {
    ToolResults() {
      super(JsonCodec::toolResult, column -> JsonCodec.toolResult((String) column));
    }
  }
}
