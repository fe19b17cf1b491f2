package dev.convostore.adapter.sqlite;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.UserId;
import dev.convostore.sql.MessageMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** The SQL of {@link MessageMapper} for SQLite, and how SQLite stores messages; in SqliteMessageMapper.xml. */
interface SqliteMessageMapper extends MessageMapper {

  void insert(@Param("m") Message message, @Param("searchRowid") Long searchRowid);

  /** The largest search rowid in use, or 0. */
  long maxSearchRowid();

  void insertWords(@Param("rowid") long rowid, @Param("words") String words);

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
}
