package dev.convostore.application.port.in;

import dev.convostore.domain.AgentState;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
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
 * {@link dev.convostore.domain.ConflictException} ({@code VERSION_MISMATCH}). Every change
 * increments the version and counts as activity.
 */
public interface ConversationsUseCase {

  /** Starts a conversation. A host-chosen id already in use is a conflict ({@code ID_IN_USE}). */
  Conversation start(StartConversation command);

  /** The conversation, without its messages (see {@link #getWithWindow}). */
  Conversation get(UserId user, ConversationId id);

  /**
   * Where the conversation stands, read without the rest of it: a reader that keeps what it read
   * (a chat memory) asks this before it reads the conversation again (see {@link
   * ConversationRevision}).
   */
  ConversationRevision revision(UserId user, ConversationId id);

  /**
   * The conversation with a window of its messages: the last N, or a page before or after a
   * sequence number. A whole conversation is read page by page with {@link
   * HistoryUseCase#history} and {@code HistoryRequest.after(last, n)}, from {@code last} = 0 on,
   * keeping the messages above {@code last} (a page that starts with a tool result also holds its
   * call), until a page holds none.
   */
  ConversationView getWithWindow(UserId user, ConversationId id, HistoryRequest window);

  /** One page of the user's conversations, most recent activity first. */
  ConversationPage list(ListConversations query);

  /** Gives the conversation a new title. */
  Conversation rename(UserId user, ConversationId id, String title, OptionalLong expectedVersion);

  /** Gives the conversation a new title, whatever its version. */
  default Conversation rename(UserId user, ConversationId id, String title) {
    return rename(user, id, title, OptionalLong.empty());
  }

  /** Marks the conversation inactive (no-op if it is already; the version still counts it). */
  Conversation deactivate(UserId user, ConversationId id, OptionalLong expectedVersion);

  /** Marks the conversation inactive, whatever its version. */
  default Conversation deactivate(UserId user, ConversationId id) {
    return deactivate(user, id, OptionalLong.empty());
  }

  /** Marks the conversation active again. */
  Conversation reactivate(UserId user, ConversationId id, OptionalLong expectedVersion);

  /** Marks the conversation active again, whatever its version. */
  default Conversation reactivate(UserId user, ConversationId id) {
    return reactivate(user, id, OptionalLong.empty());
  }

  /** Replaces the conversation's metadata. */
  Conversation updateMetadata(UserId user, ConversationId id, JsonObject metadata, OptionalLong expectedVersion);

  /** Replaces the conversation's metadata, whatever its version. */
  default Conversation updateMetadata(UserId user, ConversationId id, JsonObject metadata) {
    return updateMetadata(user, id, metadata, OptionalLong.empty());
  }

  /** Replaces the agent's working state. */
  Conversation updateAgentState(UserId user, ConversationId id, AgentState state, OptionalLong expectedVersion);

  /** Replaces the agent's working state, whatever its version. */
  default Conversation updateAgentState(UserId user, ConversationId id, AgentState state) {
    return updateAgentState(user, id, state, OptionalLong.empty());
  }

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
