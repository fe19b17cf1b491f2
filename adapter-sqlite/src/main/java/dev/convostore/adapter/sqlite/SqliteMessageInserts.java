package dev.convostore.adapter.sqlite;

import dev.convostore.domain.ConversationId;
import org.apache.ibatis.annotations.Param;

/**
 * How SQLite stores a message and fills the FTS5 index from the messages whose words wait for it;
 * in SqliteMessageInserts.xml.
 */
interface SqliteMessageInserts {

  /** Inserts the messages of a {@link SqliteMessageRows} array. */
  void insertAll(@Param("rows") String rows);

  /** The last search rowid in use or indexed, or 0: new ones come after it. */
  long lastSearchRowid();

  /** Whether a message's words wait for the index. */
  boolean wordsWaiting();

  /** Puts the words that wait into the index (one segment); {@link #markIndexed} follows. */
  void indexWaitingWords();

  /** Notes that every search rowid in use is indexed. */
  void markIndexed();

  /** Removes the message's words from the index, if they are in it. */
  void forgetIndexedWords(@Param("id") ConversationId id, @Param("sequence") long sequence);

  /** Clears the message's search rowid. */
  void unlinkSearch(@Param("id") ConversationId id, @Param("sequence") long sequence);
}
