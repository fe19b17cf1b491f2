package dev.convostore.adapter.sqlite;

import dev.convostore.domain.JsonString;
import dev.convostore.domain.Message;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolResult;
import dev.convostore.sql.EnumNames;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Messages as one JSON array of rows, which a single INSERT reads with {@code json_each}: MyBatis
 * then binds one parameter for any number of messages, rather than twelve per message, each
 * found by reflection. Each row holds the columns in the forms the single-value type handlers
 * write: ids as hexadecimal (the statement turns them into 16-byte BLOBs), instants as
 * microseconds since the epoch, JSON as canonical text, NULL for no tool calls, no result and
 * empty metadata; then the search rowid, null for a message without words.
 */
final class SqliteMessageRows {

  private static final HexFormat HEX = HexFormat.of();
  /** The one rule for an instant's column value. */
  private static final SqliteTypes TYPES = new SqliteTypes();

  private SqliteMessageRows() {}

  /** The rows of {@code messages}; {@code searchRowids} run beside them. */
  static String json(List<Message> messages, List<Long> searchRowids) {
    StringBuilder json = new StringBuilder(messages.size() * 256).append('[');
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      json.append(i == 0 ? "[" : ",[");
      hex(json, message.conversationId().value()).append(',').append(message.sequence()).append(',');
      hex(json, message.id().value()).append(',');
      text(json, message.owner().value()).append(',');
      text(json, EnumNames.lower(message.role())).append(',');
      text(json, EnumNames.lower(message.kind())).append(',');
      text(json, message.content()).append(',');
      text(json, message.toolCalls().isEmpty() ? null : ToolCall.toJson(message.toolCalls())).append(',');
      text(json, message.toolResult().map(ToolResult::toJson).orElse(null)).append(',');
      json.append(TYPES.instant(message.createdAt())).append(',');
      text(json, message.metadata().isEmpty() ? null : message.metadata().toJson()).append(',');
      json.append(searchRowids.get(i)).append(']');
    }
    return json.append(']').toString();
  }

  private static StringBuilder hex(StringBuilder json, UUID id) {
    return json.append('"').append(HEX.toHexDigits(id.getMostSignificantBits()))
        .append(HEX.toHexDigits(id.getLeastSignificantBits())).append('"');
  }

  private static StringBuilder text(StringBuilder json, String value) {
    return value == null ? json.append("null") : json.append(new JsonString(value).toJson());
  }
}
