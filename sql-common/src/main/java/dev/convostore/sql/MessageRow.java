package dev.convostore.sql;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message read from a conversation whose id and owner the reader already knows, so that those
 * two columns are not read again for every row (on SQLite that was a fifth of a history read). It
 * lives only between the mapper and {@link #in}, where the message validates itself.
 */
public record MessageRow(
    MessageId id,
    long sequence,
    MessageRole role,
    MessageKind kind,
    String content,
    List<ToolCall> toolCalls,
    Optional<ToolResult> toolResult,
    Instant createdAt,
    JsonObject metadata) {

  /** The message, as a message of the owner's conversation. */
  public Message in(ConversationId conversationId, UserId owner) {
    return new Message(id, conversationId, owner, sequence, role, kind, content, toolCalls, toolResult, createdAt, metadata);
  }

  /** Each row as a message of the owner's conversation, in the same order. */
  static List<Message> all(List<MessageRow> rows, ConversationId conversationId, UserId owner) {
    return rows.stream().map(row -> row.in(conversationId, owner)).toList();
  }
}
