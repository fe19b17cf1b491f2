package dev.convostore.adapter.sqlite;

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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.type.TypeHandler;

/**
 * How domain values are stored in SQLite columns: ids as 16-byte BLOBs, instants as microseconds
 * since the epoch, names lowercase, JSON as canonical text with an empty object as NULL.
 */
final class SqliteTypes {

  private SqliteTypes() {}

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
        new OptionalTexts(), new OptionalRoles(), new OptionalJson(), new TextLists(), new ToolCalls(), new ToolResults());
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

  static final class ConversationIds extends NullableColumnHandler<ConversationId> {
    ConversationIds() {
      super(id -> bytes(id.value()), column -> new ConversationId(uuid((byte[]) column)));
    }
  }

  static final class MessageIds extends NullableColumnHandler<MessageId> {
    MessageIds() {
      super(id -> bytes(id.value()), column -> new MessageId(uuid((byte[]) column)));
    }
  }

  static final class ContextItemIds extends NullableColumnHandler<ContextItemId> {
    ContextItemIds() {
      super(id -> bytes(id.value()), column -> new ContextItemId(uuid((byte[]) column)));
    }
  }

  static final class UserIds extends NullableColumnHandler<UserId> {
    UserIds() {
      super(UserId::value, column -> new UserId((String) column));
    }
  }

  static final class Instants extends NullableColumnHandler<Instant> {
    Instants() {
      super(SqliteTypes::micros, column -> instant(((Number) column).longValue()));
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
      super(json -> json.isEmpty() ? null : json.toJson(),
          column -> column == null ? JsonObject.empty() : JsonColumns.parseObject((String) column));
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
      super(JsonValue::toJson, column -> JsonColumns.parse((String) column));
    }
  }

  /** A list of texts as a JSON array; the empty list is {@code []}. */
  static final class TextLists extends ColumnHandler<List<String>> {
    TextLists() {
      super(JsonColumns::textList, column -> JsonColumns.textList((String) column));
    }
  }

  /** Tool calls as a JSON array; none is NULL. */
  static final class ToolCalls extends ColumnHandler<List<ToolCall>> {
    ToolCalls() {
      super(calls -> calls.isEmpty() ? null : ToolCall.toJson(calls),
          column -> column == null ? List.of() : JsonColumns.toolCalls((String) column));
    }
  }

  static final class ToolResults extends OptionalColumnHandler<ToolResult> {
    ToolResults() {
      super(ToolResult::toJson, column -> JsonColumns.toolResult((String) column));
    }
  }
}
