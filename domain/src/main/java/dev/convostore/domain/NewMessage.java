package dev.convostore.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message to append: everything but what the store assigns (sequence number, time, and the id
 * unless the client chose one).
 *
 * <p>A client-chosen {@code id} makes the append idempotent: appending a message whose id is
 * already stored in the conversation returns the stored message instead of adding another.
 *
 * @param id the client-chosen id, if any
 * @param role who wrote it
 * @param kind what it carries
 * @param content its text
 * @param toolCalls the calls of a TOOL_CALL message
 * @param toolResult what a TOOL_RESULT message answers
 * @param metadata the host's own data about the message
 */
public record NewMessage(
    Optional<MessageId> id,
    MessageRole role,
    MessageKind kind,
    String content,
    List<ToolCall> toolCalls,
    Optional<ToolResult> toolResult,
    JsonObject metadata) {

  /** Validates every component and their combination. */
  public NewMessage {
    Checks.present("id", id);
    toolCalls = MessageShape.check(role, kind, content, toolCalls, toolResult, metadata);
    Checks.present("metadata", metadata);
  }

  /** A text message from the user. */
  public static NewMessage user(String content) {
    return text(MessageRole.USER, content);
  }

  /** A text message from the assistant. */
  public static NewMessage assistant(String content) {
    return text(MessageRole.ASSISTANT, content);
  }

  /** A system message. */
  public static NewMessage system(String content) {
    return text(MessageRole.SYSTEM, content);
  }

  /** A text message from {@code role}. */
  public static NewMessage text(MessageRole role, String content) {
    return new NewMessage(
        Optional.empty(), role, MessageKind.TEXT, content, List.of(), Optional.empty(), JsonObject.empty());
  }

  /** An assistant message requesting tool calls, with optional accompanying text. */
  public static NewMessage toolCalls(String content, ToolCall... calls) {
    return new NewMessage(
        Optional.empty(), MessageRole.ASSISTANT, MessageKind.TOOL_CALL, content, List.of(calls),
        Optional.empty(), JsonObject.empty());
  }

  /** A tool message answering one call with the tool's output as content. */
  public static NewMessage toolResult(ToolResult result, String content) {
    return new NewMessage(
        Optional.empty(), MessageRole.TOOL, MessageKind.TOOL_RESULT, content, List.of(),
        Optional.of(result), JsonObject.empty());
  }

  /** An error reported in the conversation by {@code role}. */
  public static NewMessage error(MessageRole role, String content) {
    return new NewMessage(
        Optional.empty(), role, MessageKind.ERROR, content, List.of(), Optional.empty(), JsonObject.empty());
  }

  /** This message with a client-chosen id, which makes appending it idempotent. */
  public NewMessage withId(MessageId messageId) {
    return new NewMessage(Optional.of(messageId), role, kind, content, toolCalls, toolResult, metadata);
  }

  /** This message with metadata. */
  public NewMessage withMetadata(JsonObject newMetadata) {
    return new NewMessage(id, role, kind, content, toolCalls, toolResult, newMetadata);
  }

  /** The stored form of this message. */
  public Message toMessage(
      MessageId messageId, ConversationId conversationId, UserId owner, long sequence, Instant createdAt) {
    return new Message(
        messageId, conversationId, owner, sequence, role, kind, content, toolCalls, toolResult,
        createdAt, metadata);
  }
}
