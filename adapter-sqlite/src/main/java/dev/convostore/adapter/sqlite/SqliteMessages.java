package dev.convostore.adapter.sqlite;

import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.domain.Message;
import dev.convostore.domain.SearchTerms;
import dev.convostore.sql.SqlMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/**
 * Messages in SQLite. An append runs under the file's write lock: one update of the conversation
 * row takes the sequence numbers, then the messages and their words for the FTS5 index go in,
 * all in one transaction.
 */
final class SqliteMessages extends SqlMessages {

  SqliteMessages(SqliteDatabase database) {
    super(database);
  }

  @Override
  public List<Message> append(AppendBatch batch) {
    return database.write(session -> allocateAndInsert(session, batch, SqliteMessages::insert));
  }

  /**
   * Inserts messages and their words for search: all messages first, then all words, so that a
   * batching session sends each kind as one JDBC batch.
   */
  static void insert(SqlSession session, List<Message> messages) {
    SqliteMessageInserts mapper = session.getMapper(SqliteMessageInserts.class);
    List<String> words = messages.stream().map(message -> String.join(" ", SearchTerms.tokenize(message.content()))).toList();
    long rowid = words.stream().allMatch(String::isEmpty) ? 0 : mapper.maxSearchRowid();
    List<Long> rowids = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Long searchRowid = words.get(i).isEmpty() ? null : ++rowid;
      rowids.add(searchRowid);
      mapper.insert(messages.get(i), searchRowid);
    }
    for (int i = 0; i < messages.size(); i++) {
      if (rowids.get(i) != null) {
        mapper.insertWords(rowids.get(i), words.get(i));
      }
    }
  }

  /** Each word as an FTS5 string: words hold only letters, marks and digits, never a quote. */
  @Override
  protected String searchQuery(SearchTerms terms) {
    return terms.words().stream().map(word -> '"' + word + '"').collect(Collectors.joining(" "));
  }
}
