package dev.convostore.adapter.postgres;

import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.sql.SqlDatabase;
import dev.convostore.sql.SqlMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages in PostgreSQL. An append locks the conversation row as it takes its sequence numbers,
 * so concurrent appenders queue there; the words of each message go into its search vector.
 */
final class PostgresMessages extends SqlMessages {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresMessages.class);

  PostgresMessages(SqlDatabase database) {
    super(database);
  }

  /** How often an append starts over after another writer stored one of its client ids meanwhile. */
  private static final int ATTEMPTS = 5;

  /** Messages per INSERT statement, which bounds the size of its twelve arrays. */
  private static final int ROWS_PER_INSERT = 1_000;

  @Override
  public List<Message> append(AppendBatch batch) {
    if (batch.messages().stream().allMatch(draft -> draft.id().isEmpty()) && batch.messages().size() <= ROWS_PER_INSERT) {
      return database.query(session -> appendWithoutClientIds(session, batch));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return database.write(session -> appendOnce(session, batch));
      } catch (ClientIdTakenMeanwhile raced) {
        if (attempt == ATTEMPTS) {
          throw new StoreFailureException(Kind.BUSY,
              "other writers kept storing this batch's client message ids; retry the append", null);
        }
        LOG.debug("An append raced another writer storing the same client message ids; starting over (attempt {})",
            attempt + 1);
      }
    }
  }

  /**
   * Reads only the batch's own client ids, then takes the new messages' sequence numbers in one
   * update of the conversation row (which locks it until commit, so appenders queue there), then
   * inserts the new messages; one that another writer stored meanwhile starts the append over.
   */
  private static List<Message> appendOnce(SqlSession session, AppendBatch batch) {
    return allocateAndInsert(session, batch, (inserting, messages) -> {
      List<SearchableMessage> fresh = messages.stream().map(SearchableMessage::of).toList();
      int inserted = 0;
      for (int from = 0; from < fresh.size(); from += ROWS_PER_INSERT) {
        inserted += inserting.getMapper(PostgresMessageInserts.class)
            .insertNew(MessageColumns.of(fresh.subList(from, Math.min(fresh.size(), from + ROWS_PER_INSERT)))).size();
      }
      if (inserted != fresh.size()) {
        throw new ClientIdTakenMeanwhile(); // its sequence numbers would leave a gap: start over
      }
    });
  }

  /**
   * The usual append, in one statement and one round trip: no message has a client id, so none
   * can be stored already, and the sequence numbers are taken as the rows go in.
   */
  private static List<Message> appendWithoutClientIds(SqlSession session, AppendBatch batch) {
    PostgresMessageInserts inserts = session.getMapper(PostgresMessageInserts.class);
    List<NewMessage> drafts = batch.messages();
    List<MessageId> ids = drafts.stream().map(draft -> MessageId.newId()).toList();
    List<SearchableMessage> rows = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) { // sequence 1 stands in: the statement numbers the rows
      rows.add(SearchableMessage.of(drafts.get(i).toMessage(
          ids.get(i), batch.conversationId(), batch.owner(), 1, batch.createdAt())));
    }
    Long expectedLastSequence = expectedLastSequence(batch);
    String titleIfUntitled = batch.titleIfUntitled().orElse(null);
    List<Long> sequences = rows.size() == 1
        ? Stream.ofNullable(inserts.appendOne(batch.owner(), batch.conversationId(), 1, expectedLastSequence,
            batch.createdAt(), titleIfUntitled, rows.get(0))).toList()
        : inserts.appendNew(batch.owner(), batch.conversationId(), rows.size(), expectedLastSequence, batch.createdAt(),
            titleIfUntitled, MessageColumns.of(rows));
    if (sequences.isEmpty()) {
      throw notAppendable(mapper(session), batch);
    }
    long first = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
    List<Message> stored = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      stored.add(drafts.get(i).toMessage(ids.get(i), batch.conversationId(), batch.owner(), first + i, batch.createdAt()));
    }
    return List.copyOf(stored);
  }

  /**
   * Another writer stored one of the batch's client ids between reading them and inserting. A
   * {@link ConvostoreException}, so that the transaction passes it on untranslated.
   */
  private static final class ClientIdTakenMeanwhile extends ConvostoreException {
    private static final long serialVersionUID = 1L;

    ClientIdTakenMeanwhile() {
      super("a client message id was stored by another writer meanwhile");
    }
  }

  /** Inserts messages {@value #ROWS_PER_INSERT} per statement, each column as one array. */
  static void insert(SqlSession session, List<Message> messages) {
    PostgresMessageInserts mapper = session.getMapper(PostgresMessageInserts.class);
    for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
      List<SearchableMessage> rows = messages.subList(from, Math.min(messages.size(), from + ROWS_PER_INSERT)).stream()
          .map(SearchableMessage::of).toList();
      mapper.insertAll(MessageColumns.of(rows));
    }
  }

  /** Each word as a quoted lexeme, taken as is: words hold only letters, marks and digits. */
  @Override
  protected String searchQuery(UserId owner, SearchTerms terms) {
    return terms.words().stream().map(word -> "'" + word + "'").collect(Collectors.joining(" & "));
  }
}
