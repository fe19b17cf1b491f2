package dev.convostore.adapter.sqlite;

import dev.convostore.application.ConflictException;
import dev.convostore.application.ConflictException.Reason;
import dev.convostore.application.NotFoundException;
import dev.convostore.application.port.in.ConversationStatistics;
import dev.convostore.application.port.in.HistoryRequest;
import dev.convostore.application.port.in.SearchTerms;
import dev.convostore.application.port.in.ToolUsage;
import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.UserId;
import dev.convostore.sql.EnumNames;
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

final class SqliteMessages implements MessageRepository {

  private final SqliteDatabase database;

  SqliteMessages(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public List<Message> append(AppendBatch batch) {
    return database.write(session -> {
      MessageMapper mapper = session.getMapper(MessageMapper.class);
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

  /** The batch's client-chosen ids that the conversation already holds; only those rows are read. */
  private static Map<MessageId, Message> storedWithClientIds(MessageMapper mapper, AppendBatch batch) {
    List<MessageId> clientIds = batch.messages().stream().flatMap(draft -> draft.id().stream()).toList();
    if (clientIds.isEmpty()) {
      return Map.of();
    }
    return mapper.findByIds(batch.owner(), batch.conversationId(), clientIds).stream()
        .collect(Collectors.toMap(Message::id, Function.identity()));
  }

  /**
   * Inserts messages and their words for search: all messages first, then all words, so that a
   * batching session sends each kind as one JDBC batch.
   */
  static void insert(SqlSession session, List<Message> messages) {
    MessageMapper mapper = session.getMapper(MessageMapper.class);
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

  @Override
  public Optional<List<Message>> window(UserId owner, ConversationId conversationId, HistoryRequest request) {
    return database.read(session -> {
      MessageMapper mapper = session.getMapper(MessageMapper.class);
      if (!mapper.owns(owner, conversationId)) {
        return Optional.empty();
      }
      List<Message> window = switch (request.direction()) {
        case LAST -> chronological(mapper.last(conversationId, request.limit()));
        case BEFORE -> chronological(mapper.before(conversationId, request.sequence(), request.limit()));
        case AFTER -> mapper.after(conversationId, request.sequence(), request.limit());
      };
      return Optional.of(List.copyOf(window));
    });
  }

  private static List<Message> chronological(List<Message> newestFirst) {
    List<Message> messages = new ArrayList<>(newestFirst);
    Collections.reverse(messages);
    return messages;
  }

  @Override
  public List<Message> recent(UserId owner, int limit) {
    return database.read(session -> List.copyOf(session.getMapper(MessageMapper.class).recent(owner, limit)));
  }

  @Override
  public List<Message> search(UserId owner, SearchTerms terms, int limit) {
    // Each word as an FTS5 string: words hold only letters, marks and digits, never a quote.
    String query = terms.words().stream().map(word -> '"' + word + '"').collect(Collectors.joining(" "));
    return database.read(session -> List.copyOf(session.getMapper(MessageMapper.class).search(owner, query, limit)));
  }

  @Override
  public Optional<ConversationStatistics> statistics(UserId owner, ConversationId conversationId) {
    return database.read(session -> {
      MessageMapper mapper = session.getMapper(MessageMapper.class);
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
