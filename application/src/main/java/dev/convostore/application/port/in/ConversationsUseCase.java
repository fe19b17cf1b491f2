package dev.convostore.application.port.in;

import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.UserId;
import java.util.OptionalLong;

/**
 * Conversations: start, read, list, change, delete.
 *
 * <p>Changes take an optional expected version: when present, the change is made only if the
 * conversation's {@link Conversation#version()} is still that number, otherwise it fails with a
 * {@link dev.convostore.application.ConflictException} ({@code VERSION_MISMATCH}). Every change
 * increments the version and counts as activity.
 */
public interface ConversationsUseCase {

  /** Starts a conversation. A host-chosen id already in use is a conflict ({@code ID_IN_USE}). */
  Conversation start(StartConversation command);

  /** The conversation with a window of its messages. */
  ConversationView get(UserId user, ConversationId id, HistoryRequest messages);

  /** The conversation with its last 50 messages. */
  default ConversationView get(UserId user, ConversationId id) {
    return get(user, id, HistoryRequest.last(50));
  }

  /** One page of the user's conversations, most recent activity first. */
  ConversationPage list(ListConversations query);

  /** Gives the conversation a new title. */
  Conversation rename(UserId user, ConversationId id, String title, OptionalLong expectedVersion);

  /** Marks the conversation inactive (no-op if it is already; the version still counts it). */
  Conversation deactivate(UserId user, ConversationId id, OptionalLong expectedVersion);

  /** Marks the conversation active again. */
  Conversation reactivate(UserId user, ConversationId id, OptionalLong expectedVersion);

  /** Replaces the conversation's metadata. */
  Conversation updateMetadata(UserId user, ConversationId id, JsonObject metadata, OptionalLong expectedVersion);

  /** Replaces the agent's working state. */
  Conversation updateAgentState(UserId user, ConversationId id, AgentState state, OptionalLong expectedVersion);

  /** Deletes the conversation with all its messages and context items. */
  void delete(UserId user, ConversationId id);

  /** Deletes everything the user owns (right to erasure). Erasing a user with nothing is no error. */
  ErasureReport eraseUser(UserId user);

  /**
   * Saves a whole conversation in one atomic call: created when new, replaced with everything it
   * holds when the user already has it (import, upsert). Saving the same snapshot twice changes
   * nothing. The snapshot's owner must be the acting user; an id owned by another user is a
   * conflict ({@code ID_IN_USE}).
   */
  Conversation save(UserId user, ConversationSnapshot snapshot);
}
