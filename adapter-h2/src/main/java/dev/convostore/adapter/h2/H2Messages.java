package dev.convostore.adapter.h2;

import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SqlDatabase;
import dev.convostore.sql.SqlMessages;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.ibatis.session.SqlSession;

/**
 * Messages in H2. An append locks the conversation row as it takes its sequence numbers, so
 * concurrent appenders queue there; a batch with client ids locks it before looking them up, so
 * no other writer can store one of them in between. Each distinct word of a message goes into
 * the word table that search reads.
 */
final class H2Messages extends SqlMessages {

  H2Messages(SqlDatabase database) {
    super(database);
  }

  @Override
  public List<Message> append(AppendBatch batch) {
    return database.write(session -> {
      if (batch.messages().stream().anyMatch(draft -> draft.id().isPresent())) {
        session.getMapper(H2MessageInserts.class).lock(batch.owner(), batch.conversationId());
      }
      return allocateAndInsert(session, batch, H2Messages::insert);
    });
  }

  /** Inserts the messages, then their words: in a batching session each kind is one JDBC batch. */
  static void insert(SqlSession session, List<Message> messages) {
    H2MessageInserts mapper = session.getMapper(H2MessageInserts.class);
    messages.forEach(mapper::insert);
    for (Message message : messages) {
      String[] words = new LinkedHashSet<>(SearchTerms.tokenize(message.content())).toArray(String[]::new);
      if (words.length > 0) {
        mapper.insertWords(message, words);
      }
    }
  }

  /** H2 searches its word table with the words themselves: it has no query syntax to write. */
  @Override
  protected void forgetWords(SqlSession session, ConversationId conversationId, long sequence) {
    session.getMapper(H2MessageInserts.class).forgetWords(conversationId, sequence);
  }

  @Override
  protected String searchQuery(UserId owner, SearchTerms terms) {
    return null;
  }
}
