package dev.convostore.sql;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.UserId;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Reading messages. Each SQL adapter extends this interface with one of its own, which adds how
 * it writes messages and whose mapper file holds the SQL.
 */
public interface MessageMapper {

  /** The conversation's last sequence, or null if the owner has no such conversation. */
  Long lastSequence(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The stored messages of the owner's conversation that have one of the ids. */
  List<MessageRow> findByIds(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("ids") List<MessageId> ids);

  /** Whether the owner has the conversation. */
  boolean owns(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The newest {@code limit} messages of the owner's conversation, newest first. */
  List<MessageRow> last(@Param("owner") UserId owner, @Param("id") ConversationId id, @Param("limit") int limit);

  /** The {@code limit} messages of the owner's conversation before {@code sequence}, newest first. */
  List<MessageRow> before(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") int limit);

  /** The {@code limit} messages of the owner's conversation after {@code sequence}, oldest first. */
  List<MessageRow> after(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("sequence") long sequence,
      @Param("limit") int limit);

  /** Every message of the conversation, oldest first. */
  List<MessageRow> all(@Param("id") ConversationId id);

  /** The owner's newest messages: createdAt, conversation id and sequence, all descending. */
  List<Message> recent(@Param("owner") UserId owner, @Param("limit") int limit);

  /** The owner's messages matching {@code query} (in the database's own search syntax), newest first. */
  List<Message> search(@Param("owner") UserId owner, @Param("query") String query, @Param("limit") int limit);

  List<GroupCount> countByRole(@Param("id") ConversationId id);

  List<GroupCount> countCallsByTool(@Param("id") ConversationId id);

  List<GroupCount> countResultsByToolAndOutcome(@Param("id") ConversationId id);
}
