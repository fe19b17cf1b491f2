package dev.convostore.adapter.postgres;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Messages and their search words; SQL in MessageMapper.xml. */
interface MessageMapper {

  /** The conversation's last sequence, or null if the owner has no such conversation. */
  Long lastSequence(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The stored messages of the owner's conversation that have one of the ids. */
  List<Message> findByIds(
      @Param("owner") UserId owner, @Param("id") ConversationId id, @Param("ids") List<MessageId> ids);

  /**
   * Takes {@code count} sequence numbers and records the append on the conversation row, which
   * stays locked until the transaction ends; returns the new last sequence, or null if the owner
   * has no such conversation or it is not at {@code expectedLastSequence} (when given).
   */
  Long allocate(
      @Param("owner") UserId owner,
      @Param("id") ConversationId id,
      @Param("count") int count,
      @Param("expectedLastSequence") Long expectedLastSequence,
      @Param("at") Instant at,
      @Param("titleIfUntitled") String titleIfUntitled);

  /** Inserts the messages whose client id is not yet taken; returns the ids inserted. */
  List<MessageId> insertNew(@Param("messages") List<SearchableMessage> messages);

  /** Inserts one message (for batched imports). */
  void insert(@Param("m") SearchableMessage message);

  /** Whether the owner has the conversation. */
  boolean owns(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The newest {@code limit} messages, newest first. */
  List<Message> last(@Param("id") ConversationId id, @Param("limit") int limit);

  /** The {@code limit} messages before {@code sequence}, newest first. */
  List<Message> before(@Param("id") ConversationId id, @Param("sequence") long sequence, @Param("limit") int limit);

  /** The {@code limit} messages after {@code sequence}, oldest first. */
  List<Message> after(@Param("id") ConversationId id, @Param("sequence") long sequence, @Param("limit") int limit);

  /** Every message of the conversation, oldest first. */
  List<Message> all(@Param("id") ConversationId id);

  List<Message> recent(@Param("owner") UserId owner, @Param("limit") int limit);

  List<Message> search(@Param("owner") UserId owner, @Param("query") String query, @Param("limit") int limit);

  List<GroupCount> countByRole(@Param("id") ConversationId id);

  List<GroupCount> countCallsByTool(@Param("id") ConversationId id);

  List<GroupCount> countResultsByToolAndOutcome(@Param("id") ConversationId id);
}
