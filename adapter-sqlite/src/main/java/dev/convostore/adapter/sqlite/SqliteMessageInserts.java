package dev.convostore.adapter.sqlite;

import dev.convostore.domain.Message;
import org.apache.ibatis.annotations.Param;

/** How SQLite stores a message and queues its words for the FTS5 index; in SqliteMessageInserts.xml. */
interface SqliteMessageInserts {

  void insert(@Param("m") Message message, @Param("searchRowid") Long searchRowid);

  /** The largest search rowid in use, or 0. */
  long maxSearchRowid();

  void queueWords(@Param("rowid") long rowid, @Param("words") String words);

  boolean wordsQueued();

  void indexQueuedWords();

  void clearQueue();
}
