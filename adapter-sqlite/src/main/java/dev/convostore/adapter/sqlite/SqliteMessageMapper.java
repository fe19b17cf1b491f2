package dev.convostore.adapter.sqlite;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.sql.MessageMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** The SQL of {@link MessageMapper} for SQLite, and how SQLite stores messages; in SqliteMessageMapper.xml. */
interface SqliteMessageMapper extends MessageMapper {

  void insert(@Param("m") Message message, @Param("searchRowid") Long searchRowid);

  /** The largest search rowid in use, or 0. */
  long maxSearchRowid();

  void insertWords(@Param("rowid") long rowid, @Param("words") String words);

  /** Records an append on the conversation row. */
  void afterAppend(
      @Param("id") ConversationId id,
      @Param("lastSequence") long lastSequence,
      @Param("added") int added,
      @Param("at") Instant at,
      @Param("titleIfUntitled") String titleIfUntitled);
}
