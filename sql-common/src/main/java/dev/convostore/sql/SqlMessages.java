package dev.convostore.sql;

import dev.convostore.application.NotFoundException;
import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.application.port.out.AppendPlan;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/**
 * Messages in a SQL database: reading is the same everywhere; each adapter appends in its own
 * way and writes search queries in its database's syntax.
 */
public abstract class SqlMessages implements MessageRepository {

  /** The adapter's database. */
  protected final SqlDatabase database;

  /** Messages over the adapter's database. */
  protected SqlMessages(SqlDatabase database) {
    this.database = database;
  }

  /** The adapter's message mapper in a session. */
  protected final MessageMapper mapper(SqlSession session) {
    return session.getMapper(database.mappers().messages());
  }

  /** The full-text query, in the database's syntax, that finds messages holding every word. */
  protected abstract String searchQuery(SearchTerms terms);

  /** The batch's client-chosen ids that the conversation already holds; only those rows are read. */
  protected static Map<MessageId, Message> storedWithClientIds(MessageMapper mapper, AppendBatch batch) {
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

  /**
   * One statement in the usual case: the window's rows are selected by conversation and owner,
   * and read without those two columns. Only an empty window asks whether the owner has the
   * conversation at all.
   */
  @Override
  public Optional<List<Message>> window(UserId owner, ConversationId conversationId, HistoryRequest request) {
    return database.query(session -> {
      MessageMapper mapper = mapper(session);
      List<MessageRow> rows = switch (request.direction()) {
        case LAST -> chronological(mapper.last(owner, conversationId, request.limit()));
        case BEFORE -> chronological(mapper.before(owner, conversationId, request.sequence(), request.limit()));
        case AFTER -> mapper.after(owner, conversationId, request.sequence(), request.limit());
      };
      if (rows.isEmpty() && !mapper.owns(owner, conversationId)) {
        return Optional.empty();
      }
      return Optional.of(MessageRow.all(rows, conversationId, owner));
    });
  }

  private static List<MessageRow> chronological(List<MessageRow> newestFirst) {
    List<MessageRow> rows = new ArrayList<>(newestFirst);
    Collections.reverse(rows);
    return rows;
  }

  @Override
  public List<Message> recent(UserId owner, int limit) {
    return database.query(session -> List.copyOf(mapper(session).recent(owner, limit)));
  }

  @Override
  public List<Message> search(UserId owner, SearchTerms terms, int limit) {
    String query = searchQuery(terms);
    return database.query(session -> List.copyOf(mapper(session).search(owner, query, limit)));
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
      Map<String, Long> calls = new HashMap<>();
      mapper.countCallsByTool(conversationId).forEach(count -> calls.put(count.name(), count.count()));
      Map<String, Map<ToolOutcome, Long>> outcomes = new HashMap<>();
      mapper.countResultsByToolAndOutcome(conversationId).forEach(count -> outcomes
          .computeIfAbsent(count.name(), tool -> new EnumMap<>(ToolOutcome.class))
          .put(EnumNames.upper(ToolOutcome.class, count.detail()), count.count()));
      Set<String> tools = new TreeSet<>(calls.keySet());
      tools.addAll(outcomes.keySet());
      List<ToolUsage> usage = tools.stream()
          .map(tool -> new ToolUsage(tool, calls.getOrDefault(tool, 0L), outcomes.getOrDefault(tool, Map.of())))
          .toList();
      return Optional.of(new ConversationStatistics(conversationId, byRole, usage));
    });
  }
}
