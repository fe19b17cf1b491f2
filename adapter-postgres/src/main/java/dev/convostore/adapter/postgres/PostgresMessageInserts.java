package dev.convostore.adapter.postgres;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.UserId;
import dev.convostore.sql.MessageMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * How PostgreSQL inserts messages: each column as one array, and the usual append as one statement
 * that also takes the sequence numbers ({@link MessageMapper#allocate}'s update); in
 * PostgresMessageInserts.xml.
 */
interface PostgresMessageInserts {

  /**
   * Takes the sequence numbers of new messages (without client ids) and inserts them, in one
   * statement; returns their sequence numbers, none if the owner has no such conversation or it
   * is not at {@code expectedLastSequence} (when given).
   */
  List<Long> appendNew(
      @Param("owner") UserId owner,
      @Param("id") ConversationId id,
      @Param("count") int count,
      @Param("expectedLastSequence") Long expectedLastSequence,
      @Param("at") Instant at,
      @Param("titleIfUntitled") String titleIfUntitled,
      @Param("rows") MessageColumns messages);

  /**
   * {@link #appendNew} for the usual single message, in SQL that does not change with the input:
   * MyBatis then binds it without building the statement anew for every call, which saved about
   * 40 µs an append. {@code count} is 1; the statement shares the conversation update with the others.
   */
  Long appendOne(
      @Param("owner") UserId owner,
      @Param("id") ConversationId id,
      @Param("count") int count,
      @Param("expectedLastSequence") Long expectedLastSequence,
      @Param("at") Instant at,
      @Param("titleIfUntitled") String titleIfUntitled,
      @Param("m") SearchableMessage message);

  /** Inserts the messages whose client id is not yet taken; returns the ids inserted. */
  List<MessageId> insertNew(@Param("rows") MessageColumns messages);

  /** Inserts the messages in one statement (for imports). */
  void insertAll(@Param("rows") MessageColumns messages);
}
