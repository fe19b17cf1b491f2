package dev.convostore.sql;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.UserId;
import java.time.Instant;
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

  /** The conversation's last sequence, or null if the owner has no such conversation. */
  Long lastSequence(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The stored messages of the owner's conversation that have one of the ids. */
  List<MessageRow> findByIds(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("ids") List<MessageId> ids);

  /** Whether the owner has the conversation. */
  default boolean owns(UserId owner, ConversationId id) {
    return lastSequence(owner, id) != null;
  }

  /** The newest {@code limit} messages of the owner's conversation of the roles and kinds (any when empty), newest first. */
  List<MessageRow> last(@Param("owner") UserId owner, @Param("id") ConversationId id, @Param("limit") int limit,
      @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds);

  /** The {@code limit} messages of the owner's conversation before {@code sequence}, filtered as {@link #last}, newest first. */
  List<MessageRow> before(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") int limit, @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds);

  /** The {@code limit} messages of the owner's conversation after {@code sequence}, filtered as {@link #last}, oldest first. */
  List<MessageRow> after(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") int limit, @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds);

  /** Every message of the owner's conversation, oldest first. */
  default List<MessageRow> all(UserId owner, ConversationId id) {
    return after(owner, id, 0, Integer.MAX_VALUE, Set.of(), Set.of());
  }

  /** The owner's newest messages: createdAt, conversation id and sequence, all descending. */
  List<Message> recent(@Param("owner") UserId owner, @Param("limit") int limit);

  /**
   * The owner's messages of the roles and kinds (any when empty) holding every word, newest first.
   *
   * @param query the words as the database's full-text syntax writes them (where it has one)
   * @param words the words themselves (where a word table holds them)
   */
  List<Message> search(
      @Param("owner") UserId owner, @Param("query") String query, @Param("words") List<String> words,
      @Param("roles") Set<MessageRole> roles, @Param("kinds") Set<MessageKind> kinds, @Param("limit") int limit);

  /** How many messages of the conversation each role wrote, by lowercase role name. */
  List<GroupCount> countByRole(@Param("id") ConversationId id);

  /** The conversation's tool calls and results. */
  List<MessageRow> toolMessages(@Param("id") ConversationId id);

  /** The owner's tool calls and results created from {@code from} (included) to {@code to} (excluded), one at a time to {@code each}. */
  void toolMessagesBetween(
      @Param("owner") UserId owner, @Param("from") Instant from, @Param("to") Instant to, ResultHandler<Message> each);
}
