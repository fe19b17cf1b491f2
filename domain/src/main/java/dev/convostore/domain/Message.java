package dev.convostore.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored message of a conversation.
 *
 * @param id identifies the message within its conversation (chosen by the client or generated)
 * @param conversationId the conversation it belongs to
 * @param owner the owner of that conversation
 * @param sequence its place in the conversation: 1, 2, 3 ... gapless as appended, the order of
 *     record (timestamps are not: clocks tie and go backwards)
 * @param role who wrote it
 * @param kind what it carries
 * @param content its text; may be empty only on TOOL_CALL and TOOL_RESULT messages and on
 *     redacted messages
 * @param toolCalls the calls an assistant TOOL_CALL message requests, otherwise empty
 * @param toolResult what a TOOL_RESULT message answers, otherwise empty
 * @param createdAt when it was appended
 * @param metadata the host's own data about the message; {@link #REDACTED} once it is redacted
 */
public record Message(
    MessageId id,
    ConversationId conversationId,
    UserId owner,
    long sequence,
    MessageRole role,
    MessageKind kind,
    String content,
    List<ToolCall> toolCalls,
    Optional<ToolResult> toolResult,
    Instant createdAt,
    JsonObject metadata) {

  /** The metadata of a redacted message, and all of it: what marks a message as redacted. */
  public static final JsonObject REDACTED = JsonObject.of("convostore.redacted", true);

  /** Validates every component and their combination. */
  public Message {
    Checks.present("id", id);
    Checks.present("conversationId", conversationId);
    Checks.present("owner", owner);
    if (sequence < 1) {
      throw new ValidationException("sequence", "must be at least 1");
    }
    toolCalls = MessageShape.check(role, kind, content, toolCalls, toolResult, metadata);
    createdAt = Checks.instant("createdAt", createdAt);
  }

  /**
   * This message with what a person wrote or a tool was given or returned erased: the content
   * empty, the arguments of each tool call empty, the action a tool result recorded gone, the
   * metadata {@link #REDACTED}. It keeps its id, sequence, role, kind, time, call ids, tool names
   * and outcomes, so that the conversation's order and the pairing of calls and results hold.
   */
  public Message redacted() {
    return new Message(id, conversationId, owner, sequence, role, kind, "",
        toolCalls.stream().map(call -> new ToolCall(call.callId(), call.toolName(), JsonObject.empty())).toList(),
        toolResult.map(result -> new ToolResult(result.callId(), result.toolName(), result.outcome(), Optional.empty())),
        createdAt, REDACTED);
  }

  /** Whether the message was redacted. */
  public boolean isRedacted() {
    return metadata.equals(REDACTED);
  }

  /** What this message holds, as appended, with its id. */
  public NewMessage asNewMessage() {
    return new NewMessage(Optional.of(id), role, kind, content, toolCalls, toolResult, metadata);
  }

  /** Whether this message holds what {@code draft} describes (ignoring ids, sequence, time). */
  public boolean matches(NewMessage draft) {
    return role == draft.role()
        && kind == draft.kind()
        && content.equals(draft.content())
        && toolCalls.equals(draft.toolCalls())
        && toolResult.equals(draft.toolResult())
        && metadata.equals(draft.metadata());
  }
}
