package dev.convostore.adapter.sqlite;

import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SqlMessages;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;

/**
 * Messages in SQLite. An append runs under the file's write lock: one update of the conversation
 * row takes the sequence numbers, then the messages go in, each with words under the next search
 * rowid, all in one transaction. The words of the messages above the index's last rowid wait in
 * them, and go into the FTS5 index together (one segment instead of one per append) when an
 * append completes a batch, and before a search.
 */
final class SqliteMessages extends SqlMessages {

  /** Search rowids per batch of queued words that goes into the index together. */
  static final int INDEX_BATCH = 64;

  /** Messages per INSERT statement, which bounds the size of its JSON parameter. */
  private static final int ROWS_PER_INSERT = 1_000;

  SqliteMessages(SqliteDatabase database) {
    super(database);
  }

  @Override
  public List<Message> append(AppendBatch batch) {
    return database.write(session -> allocateAndInsert(session, batch, SqliteMessages::insert));
  }

  /**
   * Inserts messages, {@value #ROWS_PER_INSERT} per statement, those with words under the next
   * search rowids; their words go into the index when the new rowids complete a batch.
   */
  static void insert(SqlSession session, List<Message> messages) {
    SqliteMessageInserts mapper = inserts(session);
    long before = -1; // read with the first message that has words
    long rowid = 0;
    List<Long> rowids = new ArrayList<>(messages.size());
    for (Message message : messages) {
      if (SqliteSearchWords.hasWords(message.content())) {
        if (before < 0) {
          before = mapper.lastSearchRowid();
          rowid = before;
        }
        rowids.add(++rowid);
      } else {
        rowids.add(null);
      }
    }
    for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
      int to = Math.min(messages.size(), from + ROWS_PER_INSERT);
      mapper.insertAll(SqliteMessageRows.json(messages.subList(from, to), rowids.subList(from, to)));
    }
    if (before >= 0 && rowid / INDEX_BATCH != before / INDEX_BATCH) {
      indexWaitingWords(mapper);
    }
  }

  private static void indexWaitingWords(SqliteMessageInserts mapper) {
    mapper.indexWaitingWords();
    mapper.markIndexed();
  }

  /** A search first indexes the words that wait, so that it finds every message committed before it began. */
  @Override
  public List<Message> search(UserId owner, SearchTerms terms, MessageFilter filter, int limit) {
    if (database.query(session -> inserts(session).wordsWaiting())) {
      database.write(session -> {
        indexWaitingWords(inserts(session));
        return null;
      });
    }
    return super.search(owner, terms, filter, limit);
  }

  @Override
  protected void forgetWords(SqlSession session, ConversationId conversationId, long sequence) {
    SqliteMessageInserts inserts = inserts(session);
    inserts.forgetIndexedWords(conversationId, sequence);
    inserts.unlinkSearch(conversationId, sequence);
  }

  private static SqliteMessageInserts inserts(SqlSession session) {
    return session.getMapper(SqliteMessageInserts.class);
  }

  /** Each of the owner's terms as an FTS5 string: terms hold only letters, marks and digits, never a quote. */
  @Override
  protected String searchQuery(UserId owner, SearchTerms terms) {
    return SqliteSearchWords.query(owner, terms);
  }
}
