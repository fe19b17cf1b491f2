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
 * row takes the sequence numbers, then the messages go in and their words join the queue of the
 * FTS5 index, all in one transaction. The queue goes into the index as a whole (one FTS5 segment
 * instead of one per append) when an append completes a batch, and before a search.
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
   * Inserts messages and queues their words for search, {@value #ROWS_PER_INSERT} per statement;
   * the queue goes into the index when the new search rowids complete a batch.
   */
  static void insert(SqlSession session, List<Message> messages) {
    SqliteMessageInserts mapper = inserts(session);
    List<String> words = messages.stream().map(message -> SqliteSearchWords.of(message.owner(), message.content())).toList();
    boolean anyWords = !words.stream().allMatch(String::isEmpty);
    long before = anyWords ? mapper.maxSearchRowid() : 0;
    long rowid = before;
    List<Long> rowids = new ArrayList<>(messages.size());
    for (String text : words) {
      rowids.add(text.isEmpty() ? null : ++rowid);
    }
    for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
      int to = Math.min(messages.size(), from + ROWS_PER_INSERT);
      String rows = SqliteMessageRows.json(messages.subList(from, to), rowids.subList(from, to), words.subList(from, to));
      mapper.insertAll(rows);
      if (anyWords) {
        mapper.queueAll(rows);
      }
    }
    if (rowid / INDEX_BATCH != before / INDEX_BATCH) {
      indexQueuedWords(mapper);
    }
  }

  private static void indexQueuedWords(SqliteMessageInserts mapper) {
    mapper.indexQueuedWords();
    mapper.clearQueue();
  }

  /** A search first indexes the queued words, so that it finds every message committed before it began. */
  @Override
  public List<Message> search(UserId owner, SearchTerms terms, MessageFilter filter, int limit) {
    if (database.query(session -> inserts(session).wordsQueued())) {
      database.write(session -> {
        indexQueuedWords(inserts(session));
        return null;
      });
    }
    return super.search(owner, terms, filter, limit);
  }

  @Override
  protected void forgetWords(SqlSession session, ConversationId conversationId, long sequence) {
    SqliteMessageInserts inserts = inserts(session);
    inserts.forgetIndexedWords(conversationId, sequence);
    inserts.forgetQueuedWords(conversationId, sequence);
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
