package dev.convostore.adapter.sqlite;

import dev.convostore.application.ConflictException;
import dev.convostore.application.ConflictException.Reason;
import dev.convostore.application.NotFoundException;
import dev.convostore.application.port.in.SearchTerms;
import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.sql.SqlMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/**
 * Messages in SQLite. An append runs under the file's write lock, so it reads the last sequence,
 * inserts and updates the conversation row without a race; the words of each message go into the
 * FTS5 index in the same transaction.
 */
final class SqliteMessages extends SqlMessages {

  SqliteMessages(SqliteDatabase database) {
    super(database);
  }

  @Override
  public List<Message> append(AppendBatch batch) {
    return database.write(session -> {
      SqliteMessageMapper mapper = session.getMapper(SqliteMessageMapper.class);
      Long lastSequence = mapper.lastSequence(batch.owner(), batch.conversationId());
      if (lastSequence == null) {
        throw new NotFoundException("conversation", batch.conversationId());
      }
      Map<MessageId, Message> stored = storedWithClientIds(mapper, batch);
      List<NewMessage> drafts = batch.messages();
      List<Message> result = new ArrayList<>(drafts.size());
      List<Message> fresh = new ArrayList<>();
      long sequence = lastSequence;
      for (NewMessage draft : drafts) {
        Message existing = draft.id().map(stored::get).orElse(null);
        if (existing == null) {
          Message message = draft.toMessage(draft.id().orElseGet(MessageId::newId), batch.conversationId(),
              batch.owner(), ++sequence, batch.createdAt());
          fresh.add(message);
          result.add(message);
        } else if (existing.matches(draft)) {
          result.add(existing);
        } else {
          throw new ConflictException(Reason.MESSAGE_ID_REUSED,
              "message " + existing.id() + " is already stored with different content");
        }
      }
      if (fresh.isEmpty()) {
        return result; // a retry of a stored batch: nothing to do
      }
      if (batch.expectedLastSequence().isPresent() && batch.expectedLastSequence().getAsLong() != lastSequence) {
        throw new ConflictException(Reason.SEQUENCE_MISMATCH,
            "conversation " + batch.conversationId() + " has moved on to sequence " + lastSequence
                + ", not the expected " + batch.expectedLastSequence().getAsLong());
      }
      insert(session, fresh);
      mapper.afterAppend(
          batch.conversationId(), sequence, fresh.size(), batch.createdAt(), batch.titleIfUntitled().orElse(null));
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
