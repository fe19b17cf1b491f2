package dev.convostore.adapter.sqlite;

import dev.convostore.domain.ConversationId;
import org.apache.ibatis.annotations.Param;

/** How SQLite stores a message and queues its words for the FTS5 index; in SqliteMessageInserts.xml. */
interface SqliteMessageInserts {

  /** Inserts the messages of a {@link SqliteMessageRows} array. */
  void insertAll(@Param("rows") String rows);

  /** The largest search rowid in use, or 0. */
  long maxSearchRowid();

  /** Queues the words of the rows of a {@link SqliteMessageRows} array that have a search rowid. */
  void queueAll(@Param("rows") String rows);

  boolean wordsQueued();

  void indexQueuedWords();

  void clearQueue();

  /** Removes the message's words from the index, unless they still wait in the queue. */
  void forgetIndexedWords(@Param("id") ConversationId id, @Param("sequence") long sequence);

  /** Removes the message's words from the queue. */
  void forgetQueuedWords(@Param("id") ConversationId id, @Param("sequence") long sequence);

  /** Clears the message's search rowid. */
  void unlinkSearch(@Param("id") ConversationId id, @Param("sequence") long sequence);
}
