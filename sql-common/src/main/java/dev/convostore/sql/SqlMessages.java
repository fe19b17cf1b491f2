package dev.convostore.sql;

import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.application.port.out.AppendPlan;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.ibatis.session.ResultContext;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.SqlSession;

/**
 * Messages in a SQL database: reading is the same everywhere, and appending follows one rule
 * ({@link #allocateAndInsert}); each adapter inserts messages and their words in its own way and
 * writes search queries in its database's syntax.
 */
public abstract class SqlMessages implements MessageRepository {

  /** The adapter's database. */
  protected final SqlDatabase database;

  /** Messages over the adapter's database. */
  protected SqlMessages(SqlDatabase database) {
    this.database = database;
  }

  /** The message mapper in a session. */
  protected static MessageMapper mapper(SqlSession session) {
    return session.getMapper(MessageMapper.class);
  }

  /**
   * The full-text query, in the database's syntax, that finds the owner's messages holding every
   * word; null for a database whose search reads a table of words (the words themselves go to the
   * mapper too).
   */
  protected abstract String searchQuery(UserId owner, SearchTerms terms);

  /**
   * An append in a write transaction: reads the batch's own client ids, takes the new messages'
   * sequence numbers in one update of the conversation row, then has {@code insert} store them.
   *
   * @param insert stores the messages the plan adds
   */
  protected static List<Message> allocateAndInsert(
      SqlSession session, AppendBatch batch, BiConsumer<SqlSession, List<Message>> insert) {
    MessageMapper mapper = mapper(session);
    AppendPlan plan = AppendPlan.of(batch, storedWithClientIds(mapper, batch));
    if (plan.freshCount() == 0) {
      return plan.result(0).messages(); // a retry: nothing to do
    }
    Long lastSequence = mapper.allocate(batch.owner(), batch.conversationId(), plan.freshCount(),
        expectedLastSequence(batch), batch.createdAt(), batch.titleIfUntitled().orElse(null));
    if (lastSequence == null) {
      throw notAppendable(mapper, batch);
    }
    AppendPlan.Result appended = plan.result(lastSequence);
    insert.accept(session, appended.inserted());
    return appended.messages();
  }

  /** The batch's expected last sequence, as a statement parameter. */
  protected static Long expectedLastSequence(AppendBatch batch) {
    return batch.expectedLastSequence().isPresent() ? batch.expectedLastSequence().getAsLong() : null;
  }

  /** The batch's client-chosen ids that the conversation already holds; only those rows are read. */
  private static Map<MessageId, Message> storedWithClientIds(MessageMapper mapper, AppendBatch batch) {
    List<MessageId> clientIds = batch.messages().stream().flatMap(draft -> draft.id().stream()).toList();
    if (clientIds.isEmpty()) {
      return Map.of();
    }
    return MessageRow.all(mapper.findByIds(batch.owner(), batch.conversationId(), clientIds), batch.conversationId(),
            batch.owner()).stream()
        .collect(Collectors.toMap(Message::id, Function.identity()));
  }

  /**
   * Why the conversation row did not take an append: the owner has no such conversation, or it
   * has moved on from the expected last sequence.
   */
  protected static RuntimeException notAppendable(MessageMapper mapper, AppendBatch batch) {
    Long actual = mapper.lastSequence(batch.owner(), batch.conversationId());
    if (actual == null) {
      return new NotFoundException("conversation", batch.conversationId());
    }
    return AppendPlan.sequenceMismatch(batch.conversationId(), actual, batch.expectedLastSequence().getAsLong());
  }

  /** The redacted row, the index's forgetting of its words and the conversation's new version, in one transaction. */
  @Override
  public boolean redact(Message redacted) {
    return database.write(session -> {
      forgetWords(session, redacted.conversationId(), redacted.sequence());
      MessageMapper mapper = mapper(session);
      if (mapper.redact(redacted) != 1) {
        return false;
      }
      mapper.raiseVersion(redacted.owner(), redacted.conversationId());
      return true;
    });
  }

  @Override
  public boolean giveFeedback(UserId owner, ConversationId conversationId, MessageFeedback feedback) {
    return database.write(session -> mapper(session).giveFeedback(owner, conversationId, feedback) == 1);
  }

  /** One statement when there is feedback; only when there is none does it ask whether the owner has the conversation. */
  @Override
  public Optional<List<MessageFeedback>> feedback(UserId owner, ConversationId conversationId) {
    return database.query(session -> {
      MessageMapper mapper = mapper(session);
      List<FeedbackRow> rows = mapper.feedbackOf(owner, conversationId);
      if (rows.isEmpty() && !mapper.owns(owner, conversationId)) {
        return Optional.empty();
      }
      return Optional.of(rows.stream().map(FeedbackRow::given).toList());
    });
  }

  /**
   * Removes the words of the conversation's message with the sequence from the search index,
   * before {@link MessageMapper#redact} rewrites the row. Nothing here where the row holds its
   * words itself (the redaction empties them).
   */
  protected void forgetWords(SqlSession session, ConversationId conversationId, long sequence) {}

  /**
   * One statement in the usual case: the window's rows are selected by conversation and owner,
   * and read without those two columns. Only an empty window asks whether the owner has the
   * conversation at all. A window of every role and kind has statements of its own, whose SQL
   * MyBatis need not build for each call.
   */
  @Override
  public Optional<List<Message>> window(UserId owner, ConversationId conversationId, HistoryRequest request) {
    MessageFilter filter = request.filter();
    return database.query(session -> {
      MessageMapper mapper = mapper(session);
      Kept<MessageRow> rows = new Kept<>(filter, request.limit(), row -> row.in(conversationId, owner));
      Integer limit = rows.sqlLimit();
      if (filter.keepsAll()) {
        switch (request.direction()) {
          case LAST -> mapper.lastOfAll(owner, conversationId, request.limit(), rows);
          case BEFORE -> mapper.beforeOfAll(owner, conversationId, request.sequence(), request.limit(), rows);
          case AFTER -> mapper.afterOfAll(owner, conversationId, request.sequence(), request.limit(), rows);
        }
      } else {
        switch (request.direction()) {
          case LAST -> mapper.last(owner, conversationId, limit, filter.roles(), filter.kinds(), filter.toolNames(), rows);
          case BEFORE -> mapper.before(owner, conversationId, request.sequence(), limit, filter.roles(), filter.kinds(), filter.toolNames(), rows);
          case AFTER -> mapper.after(owner, conversationId, request.sequence(), limit, filter.roles(), filter.kinds(), filter.toolNames(), rows);
        }
      }
      if (rows.kept.isEmpty() && !mapper.owns(owner, conversationId)) {
        return Optional.empty();
      }
      List<MessageRow> chronological = rows.kept;
      if (request.direction() != HistoryRequest.Direction.AFTER) {
        Collections.reverse(chronological);
      }
      return Optional.of(MessageRow.all(chronological, conversationId, owner));
    });
  }

  /**
   * The first {@code limit} rows a filter admits, as the database hands them over. The database
   * applies the roles and kinds itself, and then the limit too; tool names it cannot read, so with
   * them the filter's own rule keeps the rows until enough are kept.
   */
  private static final class Kept<T> implements ResultHandler<T> {
    private final Predicate<T> admits; // null when the database applies the whole filter
    private final int limit;
    final List<T> kept = new ArrayList<>();

    Kept(MessageFilter filter, int limit, Function<T, Message> message) {
      this.admits = filter.toolNames().isEmpty() ? null : row -> filter.admits(message.apply(row));
      this.limit = limit;
    }

    /** The limit the database applies: none when it cannot apply the whole filter. */
    Integer sqlLimit() {
      return admits == null ? limit : null;
    }

    @Override
    public void handleResult(ResultContext<? extends T> context) {
      if (admits == null || admits.test(context.getResultObject())) {
        kept.add(context.getResultObject());
      }
      if (kept.size() == limit) {
        context.stop();
      }
    }
  }

  /** One statement when any id is found; only when none is does it ask whether the owner has the conversation. */
  @Override
  public Optional<List<Message>> withIds(UserId owner, ConversationId conversationId, List<MessageId> ids) {
    return database.query(session -> {
      MessageMapper mapper = mapper(session);
      List<MessageRow> rows = mapper.findByIds(owner, conversationId, ids);
      if (rows.isEmpty() && !mapper.owns(owner, conversationId)) {
        return Optional.empty();
      }
      return Optional.of(MessageRow.all(rows, conversationId, owner));
    });
  }

  @Override
  public List<Message> recent(UserId owner, int limit) {
    return database.query(session -> List.copyOf(mapper(session).recent(owner, limit)));
  }

  @Override
  public List<Message> search(UserId owner, SearchTerms terms, MessageFilter filter, int limit) {
    String query = searchQuery(owner, terms);
    return database.query(session -> {
      Kept<Message> messages = new Kept<>(filter, limit, Function.identity());
      mapper(session).search(owner, query, terms.words(), filter.roles(), filter.kinds(), filter.toolNames(),
          messages.sqlLimit(), messages);
      return List.copyOf(messages.kept);
    });
  }

  /** The owner's tool messages in the range, counted row by row as they are read. */
  @Override
  public List<ToolUsage> toolUsage(UserId owner, Instant from, Instant to) {
    return database.query(session -> {
      ToolUsage.Tally tally = new ToolUsage.Tally();
      mapper(session).toolMessagesBetween(owner, from, to, row -> tally.add(row.getResultObject()));
      return tally.usage();
    });
  }

  @Override
  public Optional<ConversationStatistics> statistics(UserId owner, ConversationId conversationId) {
    return database.read(session -> {
      MessageMapper mapper = mapper(session);
      if (!mapper.owns(owner, conversationId)) {
        return Optional.empty();
      }
      Map<MessageRole, Long> byRole = new EnumMap<>(MessageRole.class);
      mapper.countByRole(conversationId)
          .forEach(count -> byRole.put(EnumNames.upper(MessageRole.class, count.name()), count.count()));
      List<ToolUsage> tools = ToolUsage.of(MessageRow.all(mapper.toolMessages(conversationId), conversationId, owner));
      return Optional.of(new ConversationStatistics(conversationId, byRole, tools));
    });
  }
}
