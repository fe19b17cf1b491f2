package dev.convostore.adapter.postgres;

import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import dev.convostore.sql.ColumnHandler;
import dev.convostore.sql.EnumNames;
import dev.convostore.sql.JsonColumns;
import dev.convostore.sql.NullableColumnHandler;
import dev.convostore.sql.OptionalColumnHandler;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;
import org.postgresql.util.PGobject;

/**
 * How domain values are stored in PostgreSQL columns: ids as {@code uuid}, instants as {@code
 * timestamptz}, names lowercase, JSON as {@code jsonb} (written canonically) with an empty object
 * as NULL.
 */
final class PostgresTypes {

  private PostgresTypes() {}

  /** The handlers MyBatis picks by a value's Java type. */
  static Map<Class<?>, TypeHandler<?>> byType() {
    return Map.of(
        ConversationId.class, new ConversationIds(),
        MessageId.class, new MessageIds(),
        ContextItemId.class, new ContextItemIds(),
        UserId.class, new UserIds(),
        Instant.class, new Instants(),
        MessageRole.class, new Roles(),
        MessageKind.class, new Kinds(),
        ContextSource.class, new Sources(),
        JsonObject.class, new JsonObjects());
  }

  /** The handlers the mapper files name. */
  static List<TypeHandler<?>> named() {
    return List.of(
        new OptionalTexts(), new OptionalRoles(), new OptionalJson(), new TextLists(), new ToolCalls(), new ToolResults(),
        new TextArrays());
  }

  /** A {@code jsonb} parameter from canonical JSON text. */
  static PGobject jsonb(String json) {
    PGobject value = new PGobject();
    value.setType("jsonb");
    try {
      value.setValue(json);
    } catch (SQLException cannotHappen) { // PGobject.setValue declares it but never throws
      throw new IllegalStateException(cannotHappen);
    }
    return value;
  }

  /** The text of a {@code jsonb} column as the driver returns it. */
  private static String text(Object column) {
    return column instanceof PGobject json ? json.getValue() : column.toString();
  }

  private static Instant instant(Object column) {
    if (column instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return ((OffsetDateTime) column).toInstant();
  }

  static final class ConversationIds extends NullableColumnHandler<ConversationId> {
    ConversationIds() {
      super(ConversationId::value, column -> new ConversationId((UUID) column));
    }
  }

  static final class MessageIds extends NullableColumnHandler<MessageId> {
    MessageIds() {
      super(MessageId::value, column -> new MessageId((UUID) column));
    }
  }

  static final class ContextItemIds extends NullableColumnHandler<ContextItemId> {
    ContextItemIds() {
      super(ContextItemId::value, column -> new ContextItemId((UUID) column));
    }
  }

  static final class UserIds extends NullableColumnHandler<UserId> {
    UserIds() {
      super(UserId::value, column -> new UserId((String) column));
    }
  }

  static final class Instants extends NullableColumnHandler<Instant> {
    Instants() {
      super(instant -> OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), PostgresTypes::instant);
    }
  }

  static final class Roles extends NullableColumnHandler<MessageRole> {
    Roles() {
      super(EnumNames::lower, column -> EnumNames.upper(MessageRole.class, (String) column));
    }
  }

  static final class Kinds extends NullableColumnHandler<MessageKind> {
    Kinds() {
      super(EnumNames::lower, column -> EnumNames.upper(MessageKind.class, (String) column));
    }
  }

  static final class Sources extends NullableColumnHandler<ContextSource> {
    Sources() {
      super(ContextSource::name, column -> new ContextSource((String) column));
    }
  }

  /** Metadata: the empty object is stored as NULL, which is most rows. */
  static final class JsonObjects extends ColumnHandler<JsonObject> {
    JsonObjects() {
      super(json -> json.isEmpty() ? null : jsonb(json.toJson()),
          column -> column == null ? JsonObject.empty() : JsonColumns.parseObject(text(column)));
    }
  }

  static final class OptionalTexts extends OptionalColumnHandler<String> {
    OptionalTexts() {
      super(text -> text, column -> (String) column);
    }
  }

  static final class OptionalRoles extends OptionalColumnHandler<MessageRole> {
    OptionalRoles() {
      super(EnumNames::lower, column -> EnumNames.upper(MessageRole.class, (String) column));
    }
  }

  static final class OptionalJson extends OptionalColumnHandler<JsonValue> {
    OptionalJson() {
      super(json -> jsonb(json.toJson()), column -> JsonColumns.parse(text(column)));
    }
  }

  /** A list of texts as a JSON array; the empty list is {@code []}. */
  static final class TextLists extends ColumnHandler<List<String>> {
    TextLists() {
      super(texts -> jsonb(JsonColumns.textList(texts)), column -> JsonColumns.textList(text(column)));
    }
  }

  /** Tool calls as a JSON array; none is NULL. */
  static final class ToolCalls extends ColumnHandler<List<ToolCall>> {
    ToolCalls() {
      super(calls -> calls.isEmpty() ? null : jsonb(ToolCall.toJson(calls)),
          column -> column == null ? List.of() : JsonColumns.toolCalls(text(column)));
    }
  }

  /** A {@code text[]} parameter, for statements that unnest whole columns ({@link MessageColumns}). */
  static final class TextArrays extends BaseTypeHandler<String[]> {
    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, String[] values, JdbcType jdbcType)
        throws SQLException {
      statement.setArray(index, statement.getConnection().createArrayOf("text", values));
    }

    @Override
    public String[] getNullableResult(ResultSet results, String column) {
      throw new UnsupportedOperationException("text arrays are parameters only");
    }

    @Override
    public String[] getNullableResult(ResultSet results, int column) {
      throw new UnsupportedOperationException("text arrays are parameters only");
    }

    @Override
    public String[] getNullableResult(CallableStatement statement, int column) {
      throw new UnsupportedOperationException("text arrays are parameters only");
    }
  }

  static final class ToolResults extends OptionalColumnHandler<ToolResult> {
    ToolResults() {
      super(result -> jsonb(result.toJson()), column -> JsonColumns.toolResult(text(column)));
    }
  }
}
