package dev.convostore.sql;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.type.TypeHandler;

/**
 * How domain values are stored in SQL columns, written once over a dialect's {@link ColumnCodec}:
 * names lowercase, user ids and sources as text, JSON canonical with an empty object and no tool
 * calls as NULL.
 */
public final class ColumnTypes {

  private ColumnTypes() {}

  /** The handlers MyBatis picks by a value's Java type. */
  public static Map<Class<?>, TypeHandler<?>> byType(ColumnCodec codec) {
    return Map.of(
        ConversationId.class, new NullableColumnHandler<ConversationId>(
            id -> codec.uuid(id.value()), column -> new ConversationId(codec.uuid(column))) {},
        MessageId.class, new NullableColumnHandler<MessageId>(
            id -> codec.uuid(id.value()), column -> new MessageId(codec.uuid(column))) {},
        ContextItemId.class, new NullableColumnHandler<ContextItemId>(
            id -> codec.uuid(id.value()), column -> new ContextItemId(codec.uuid(column))) {},
        UserId.class, new NullableColumnHandler<UserId>(UserId::value, column -> new UserId((String) column)) {},
        Instant.class, new NullableColumnHandler<Instant>(codec::instant, codec::instant) {},
        MessageRole.class, new NullableColumnHandler<MessageRole>(EnumNames::lower, ColumnTypes::role) {},
        MessageKind.class, new NullableColumnHandler<MessageKind>(
            EnumNames::lower, column -> EnumNames.upper(MessageKind.class, (String) column)) {},
        ContextSource.class, new NullableColumnHandler<ContextSource>(
            ContextSource::name, column -> new ContextSource((String) column)) {},
        // Metadata: the empty object is stored as NULL, which is most rows.
        JsonObject.class, new ColumnHandler<JsonObject>(json -> json.isEmpty() ? null : codec.json(json.toJson()),
            column -> column == null ? JsonObject.empty() : JsonColumns.parseObject(codec.json(column))) {});
  }

  /** The handlers the mapper files name, each by its class's simple name. */
  public static List<TypeHandler<?>> named(ColumnCodec codec) {
    return List.of(new OptionalTexts(), new OptionalRoles(), new OptionalJson(codec), new TextLists(codec),
        new ToolCalls(codec), new ToolResults(codec));
  }

  private static MessageRole role(Object column) {
    return EnumNames.upper(MessageRole.class, (String) column);
  }

  static final class OptionalTexts extends OptionalColumnHandler<String> {
    OptionalTexts() {
      super(text -> text, column -> (String) column);
    }
  }

  static final class OptionalRoles extends OptionalColumnHandler<MessageRole> {
    OptionalRoles() {
      super(EnumNames::lower, ColumnTypes::role);
    }
  }

  static final class OptionalJson extends OptionalColumnHandler<JsonValue> {
    OptionalJson(ColumnCodec codec) {
      super(json -> codec.json(json.toJson()), column -> JsonColumns.parse(codec.json(column)));
    }
  }

  /** A list of texts as a JSON array; the empty list is {@code []}. */
  static final class TextLists extends ColumnHandler<List<String>> {
    TextLists(ColumnCodec codec) {
      super(texts -> codec.json(JsonColumns.textList(texts)), column -> JsonColumns.textList(codec.json(column)));
    }
  }

  /** Tool calls as a JSON array; none is NULL. */
  static final class ToolCalls extends ColumnHandler<List<ToolCall>> {
    ToolCalls(ColumnCodec codec) {
      super(calls -> calls.isEmpty() ? null : codec.json(ToolCall.toJson(calls)),
          column -> column == null ? List.of() : JsonColumns.toolCalls(codec.json(column)));
    }
  }

  static final class ToolResults extends OptionalColumnHandler<ToolResult> {
    ToolResults(ColumnCodec codec) {
      super(result -> codec.json(result.toJson()), column -> JsonColumns.toolResult(codec.json(column)));
    }
  }
}
