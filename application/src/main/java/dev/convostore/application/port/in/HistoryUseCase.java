package dev.convostore.application.port.in;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;

/** Reading history: windows of one conversation, activity and search across a user's conversations. */
public interface HistoryUseCase {

  /** Largest result of {@link #recentActivity} and {@link #search}. */
  int MAX_RESULTS = 1000;

  /** A window of the conversation's messages, in chronological order (see {@link HistoryRequest}). */
  List<Message> history(UserId user, ConversationId conversationId, HistoryRequest request);

  /**
   * One message of the conversation, by its id (the one the store gave it or the client chose).
   *
   * @throws dev.convostore.domain.NotFoundException naming {@code "conversation"} when the user
   *     has no such conversation, and {@code "message"} when it holds no message with this id
   *     (it never had one, or retention removed it)
   */
  Message message(UserId user, ConversationId conversationId, MessageId messageId);

  /** The user's newest messages across all their conversations, newest first. */
  List<Message> recentActivity(UserId user, int limit);

  /**
   * The user's messages that hold every word of {@code query} (see {@link SearchTerms}), newest
   * first.
   */
  default List<Message> search(UserId user, String query, int limit) {
    return search(user, query, MessageFilter.NONE, limit);
  }

  /** The user's messages of the roles and kinds {@code filter} keeps that hold every word of {@code query}, newest first. */
  List<Message> search(UserId user, String query, MessageFilter filter, int limit);

  /** Counts over the conversation's messages by role, and tool use by tool and outcome. */
  ConversationStatistics statistics(UserId user, ConversationId conversationId);

  /**
   * How the user's conversations used each tool, by tool and outcome, in the messages created from
   * {@code from} (included) to {@code to} (excluded); sorted by tool name. The messages are counted
   * as they are read, never held together.
   */
  List<ToolUsage> toolUsage(UserId user, Instant from, Instant to);
}
