package dev.convostore.application.port.out;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores and reads messages. */
public interface MessageRepository {

  /** Appends a batch (see {@link AppendBatch} for the exact rules); returns the stored messages in batch order. */
  List<Message> append(AppendBatch batch);

  /**
   * Stores {@code redacted} (a stored message as {@link Message#redacted()} made it) in place of
   * the message of its owner's conversation with its sequence, removes that message's words from
   * the search index and raises the conversation's version ({@link
   * dev.convostore.domain.Conversation#afterRedaction()}), in one transaction.
   *
   * @return false when the owner's conversation holds no such message
   */
  boolean redact(Message redacted);

  /**
   * Records the feedback on the message of the owner's conversation, replacing any earlier.
   *
   * @return false when the owner's conversation holds no such message
   */
  boolean giveFeedback(UserId owner, ConversationId conversationId, MessageFeedback feedback);

  /** The feedback on the messages of the owner's conversation, in message order; empty when the owner has no such conversation. */
  Optional<List<MessageFeedback>> feedback(UserId owner, ConversationId conversationId);

  /**
   * The plain window the request names (no reaching back for tool calls), in sequence order;
   * empty if the owner has no such conversation.
   */
  Optional<List<Message>> window(UserId owner, ConversationId conversationId, HistoryRequest request);

  /**
   * The messages of the conversation that have one of the ids, in no particular order; empty if
   * the owner has no such conversation.
   */
  Optional<List<Message>> withIds(UserId owner, ConversationId conversationId, List<MessageId> ids);

  /**
   * The owner's newest messages across conversations: createdAt descending, then conversation id
   * descending, then sequence descending.
   */
  List<Message> recent(UserId owner, int limit);

  /** The owner's messages matching the terms that {@code filter} keeps, in the order of {@link #recent}. */
  List<Message> search(UserId owner, SearchTerms terms, MessageFilter filter, int limit);

  /** Counts over the conversation's messages; empty if the owner has no such conversation. */
  Optional<ConversationStatistics> statistics(UserId owner, ConversationId conversationId);

  /** Tool use in the owner's messages created from {@code from} (included) to {@code to} (excluded), sorted by tool name. */
  List<ToolUsage> toolUsage(UserId owner, Instant from, Instant to);
}
