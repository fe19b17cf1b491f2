package dev.convostore.sql;

import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A conversation row joined with its agent state, column for column: MyBatis maps a flat row far
 * more cheaply than a nested result map, and every read of a conversation goes through here. It
 * lives only until {@link #conversation} validates it.
 */
public record ConversationRow(
    ConversationId id,
    UserId owner,
    Optional<String> title,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    long messageCount,
    long lastSequence,
    JsonObject metadata,
    long version,
    long stepCount,
    List<String> focusAreas,
    Optional<String> lastUserInput,
    Optional<JsonValue> lastToolResult) {

  /** The conversation the row holds. */
  public Conversation conversation() {
    return new Conversation(id, owner, title, active, createdAt, updatedAt, messageCount, lastSequence, metadata,
        new AgentState(stepCount, focusAreas, lastUserInput, lastToolResult), version);
  }
}
