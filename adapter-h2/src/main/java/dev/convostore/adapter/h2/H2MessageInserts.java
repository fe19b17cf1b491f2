package dev.convostore.adapter.h2;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.UserId;
import org.apache.ibatis.annotations.Param;

/** How H2 stores a message and its words for search; in H2MessageInserts.xml. */
interface H2MessageInserts {

  /** Locks the owner's conversation row until the transaction ends (nothing if there is none). */
  void lock(@Param("owner") UserId owner, @Param("id") ConversationId id);

  void insert(@Param("m") Message message);

  /** Removes the words of the conversation's message with the sequence. */
  void forgetWords(@Param("id") ConversationId id, @Param("sequence") long sequence);

  /** Inserts the message's distinct words, all in one statement. */
  void insertWords(@Param("m") Message message, @Param("words") String[] words);
}
