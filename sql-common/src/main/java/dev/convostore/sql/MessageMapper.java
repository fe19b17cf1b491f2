package dev.convostore.sql;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/**
 * Messages, for every SQL database; MessageMapper.xml holds the SQL, with a statement per database
 * where they differ. How each database inserts messages (and their words for search) is the
 * adapter's own mapper.
 */
public interface MessageMapper {

  /**
   * Takes {@code count} sequence numbers and records the append on the conversation row; returns
   * the new last sequence, or null if the owner has no such conversation or it is not at {@code
   * expectedLastSequence} (when given).
   */
  Long allocate(
      @Param("owner") UserId owner,
      @Param("id") ConversationId id,
      @Param("count") int count,
      @Param("expectedLastSequence") Long expectedLastSequence,
      @Param("at") Instant at,
      @Param("titleIfUntitled") String titleIfUntitled);

  /** Rewrites the stored message of {@code m}'s owner's conversation with its sequence as {@code m}; returns the rows changed. */
  int redact(@Param("m") Message m);

  /** Raises the version of the owner's conversation, whose messages changed without activity (a redaction). */
  void raiseVersion(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** Records feedback on a message of the owner's conversation, replacing any earlier; returns the rows changed (0: no such message). */
  int giveFeedback(@Param("owner") UserId owner, @Param("id") ConversationId id, @Param("f") MessageFeedback feedback);

  /** The feedback on the messages of the owner's conversation, in message order. */
  List<FeedbackRow> feedbackOf(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The conversation's last sequence, or null if the owner has no such conversation. */
  Long lastSequence(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The stored messages of the owner's conversation that have one of the ids. */
  List<MessageRow> findByIds(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("ids") List<MessageId> ids);

  /** Whether the owner has the conversation. */
  default boolean owns(UserId owner, ConversationId id) {
    return lastSequence(owner, id) != null;
  }

  /**
   * The owner's conversation's newest messages of the roles and kinds (any when empty; only tool
   * calls and results when {@code toolNames} is not empty), newest first, one at a time to
   * {@code each}: at most {@code limit} when given, else until {@code each} stops.
   */
  void last(@Param("owner") UserId owner, @Param("id") ConversationId id, @Param("limit") Integer limit,
      @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds, @Param("toolNames") Set<String> toolNames,
      ResultHandler<MessageRow> each);

  /** The owner's conversation's messages before {@code sequence}, as {@link #last}, newest first. */
  void before(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") Integer limit, @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds,
      @Param("toolNames") Set<String> toolNames, ResultHandler<MessageRow> each);

  /** The owner's conversation's messages after {@code sequence}, as {@link #last}, oldest first. */
  void after(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") Integer limit, @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds,
      @Param("toolNames") Set<String> toolNames, ResultHandler<MessageRow> each);

  /** {@link #last} of every role and kind, at most {@code limit}. */
  void lastOfAll(@Param("owner") UserId owner, @Param("id") ConversationId id, @Param("limit") int limit,
      ResultHandler<MessageRow> each);

  /** {@link #before} of every role and kind, at most {@code limit}. */
  void beforeOfAll(@Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") int limit, ResultHandler<MessageRow> each);

  /** {@link #after} of every role and kind, at most {@code limit}. */
  void afterOfAll(@Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") int limit, ResultHandler<MessageRow> each);

  /** Every message of the owner's conversation, oldest first. */
  default List<MessageRow> all(UserId owner, ConversationId id) {
    List<MessageRow> rows = new ArrayList<>();
    after(owner, id, 0, null, Set.of(), Set.of(), Set.of(), row -> rows.add(row.getResultObject()));
    return rows;
  }

  /** The owner's newest messages: createdAt, conversation id and sequence, all descending. */
  List<Message> recent(@Param("owner") UserId owner, @Param("limit") int limit);

  /**
   * The owner's messages holding every word, filtered and handed to {@code each} as {@link #last}, newest first.
   *
   * @param query the words as the database's full-text syntax writes them (where it has one)
   * @param words the words themselves (where a word table holds them)
   */
  void search(
      @Param("owner") UserId owner, @Param("query") String query, @Param("words") List<String> words,
      @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds, @Param("toolNames") Set<String> toolNames,
      @Param("limit") Integer limit, ResultHandler<Message> each);

  /** How many messages of the conversation each role wrote, by lowercase role name. */
  List<GroupCount> countByRole(@Param("id") ConversationId id);

  /** The conversation's tool calls and results. */
  List<MessageRow> toolMessages(@Param("id") ConversationId id);

  /** The owner's tool calls and results created from {@code from} (included) to {@code to} (excluded), one at a time to {@code each}. */
  void toolMessagesBetween(
      @Param("owner") UserId owner, @Param("from") Instant from, @Param("to") Instant to, ResultHandler<Message> each);
}
