package dev.convostore.adapter.sqlite;

import dev.convostore.application.ConflictException.Reason;
import dev.convostore.application.ConflictException;
import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.SearchTerms;
import dev.convostore.sql.SqlMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return database.write(session -> {
      SqliteMessageMapper mapper = session.getMapper(SqliteMessageMapper.class);
      Map<MessageId, Message> stored = storedWithClientIds(mapper, batch);
      List<NewMessage> drafts = batch.messages();
      List<NewMessage> fresh = new ArrayList<>();
      for (NewMessage draft : drafts) {
        Message existing = draft.id().map(stored::get).orElse(null);
        if (existing == null) {
          fresh.add(draft);
        } else if (!existing.matches(draft)) {
          throw new ConflictException(Reason.MESSAGE_ID_REUSED,
              "message " + existing.id() + " is already stored with different content");
        }
      }
      if (fresh.isEmpty()) {
        return drafts.stream().map(draft -> stored.get(draft.id().orElseThrow())).toList(); // a retry: nothing to do
      }
      Long lastSequence = mapper.allocate(batch.owner(), batch.conversationId(), fresh.size(),
          batch.expectedLastSequence().isPresent() ? batch.expectedLastSequence().getAsLong() : null,
          batch.createdAt(), batch.titleIfUntitled().orElse(null));
      if (lastSequence == null) {
        throw notAppendable(mapper, batch);
      }
      long sequence = lastSequence - fresh.size();
      List<Message> result = new ArrayList<>(drafts.size());
      List<Message> inserted = new ArrayList<>(fresh.size());
      for (NewMessage draft : drafts) {
        Message message = draft.id().map(stored::get).orElse(null);
        if (message == null) {
          message = draft.toMessage(draft.id().orElseGet(MessageId::newId), batch.conversationId(), batch.owner(),
              ++sequence, batch.createdAt());
          inserted.add(message);
        }
        result.add(message);
      }
      insert(session, inserted);
      return List.copyOf(result);
    });
  }

  /**
   * Inserts messages and their words for search: all messages first, then all words, so that a
   * batching session sends each kind as one JDBC batch.
   */
  static void insert(SqlSession session, List<Message> messages) {
    SqliteMessageMapper mapper = session.getMapper(SqliteMessageMapper.class);
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
