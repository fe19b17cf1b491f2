package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.application.port.out.AppendPlan;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.domain.Conversation;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

final class InMemoryMessages implements MessageRepository {

  /** Newest first: createdAt, then conversation id, then sequence, all descending. */
  private static final Comparator<Message> NEWEST_FIRST = Comparator.comparing(Message::createdAt)
      .thenComparing(Message::conversationId)
      .thenComparingLong(Message::sequence)
      .reversed();

  private final InMemoryStorage storage;

  InMemoryMessages(InMemoryStorage storage) {
    this.storage = storage;
  }

  @Override
  public List<Message> append(AppendBatch batch) {
    return storage.write(() -> {
      ConversationEntry entry = storage.owned(batch.owner(), batch.conversationId())
          .orElseThrow(() -> new NotFoundException("conversation", batch.conversationId()));
      // Decide everything before changing anything: the batch is all or nothing.
      Map<MessageId, Message> stored = new HashMap<>();
      batch.messages().forEach(draft -> draft.id().map(entry.messagesById::get).ifPresent(m -> stored.put(m.id(), m)));
      AppendPlan plan = AppendPlan.of(batch, stored);
      Conversation conversation = entry.conversation;
      if (plan.freshCount() > 0) {
        plan.requireLastSequence(conversation.lastSequence());
      }
      AppendPlan.Result appended = plan.result(conversation.lastSequence() + plan.freshCount());
      if (plan.freshCount() > 0) {
        appended.inserted().forEach(entry::put);
        entry.conversation = conversation.afterAppend(plan.freshCount(), batch.createdAt(), batch.titleIfUntitled());
      }
      return appended.messages();
    });
  }

  @Override
  public boolean redact(Message redacted) {
    return storage.write(() -> storage.owned(redacted.owner(), redacted.conversationId())
        .filter(entry -> entry.messagesBySequence.containsKey(redacted.sequence()))
        .map(entry -> {
          entry.put(redacted);
          entry.conversation = entry.conversation.afterRedaction();
          return true;
        })
        .orElse(false));
  }

  @Override
  public boolean giveFeedback(UserId owner, ConversationId conversationId, MessageFeedback feedback) {
    return storage.write(() -> storage.owned(owner, conversationId)
        .filter(entry -> entry.messagesById.containsKey(feedback.messageId()))
        .map(entry -> {
          entry.feedback.put(feedback.messageId(), feedback);
          return true;
        })
        .orElse(false));
  }

  @Override
  public Optional<List<MessageFeedback>> feedback(UserId owner, ConversationId conversationId) {
    return storage.read(() -> storage.owned(owner, conversationId).map(ConversationEntry::feedbackInOrder));
  }

  @Override
  public Optional<List<Message>> window(UserId owner, ConversationId conversationId, HistoryRequest request) {
    return storage.read(() -> storage.owned(owner, conversationId).map(entry -> {
      TreeMap<Long, Message> all = entry.messagesBySequence;
      return switch (request.direction()) {
        case LAST -> lastOf(all, request);
        case BEFORE -> lastOf(all.headMap(request.sequence(), false), request);
        case AFTER -> all.tailMap(request.sequence(), false).values().stream()
            .filter(request.filter()::admits).limit(request.limit()).toList();
      };
    }));
  }

  @Override
  public Optional<List<Message>> withIds(UserId owner, ConversationId conversationId, List<MessageId> ids) {
    return storage.read(() -> storage.owned(owner, conversationId).map(entry ->
        ids.stream().map(entry.messagesById::get).filter(Objects::nonNull).toList()));
  }

  /** The last {@code limit} messages the request admits, in sequence order, walking back from the end only as far as needed. */
  private static List<Message> lastOf(NavigableMap<Long, Message> bySequence, HistoryRequest request) {
    List<Message> newestFirst = bySequence.descendingMap().values().stream()
        .filter(request.filter()::admits).limit(request.limit()).toList();
    List<Message> chronological = new ArrayList<>(newestFirst);
    Collections.reverse(chronological);
    return List.copyOf(chronological);
  }

  @Override
  public List<ToolUsage> toolUsage(UserId owner, Instant from, Instant to) {
    return storage.read(() -> {
      ToolUsage.Tally tally = new ToolUsage.Tally();
      storage.entries.values().stream()
          .filter(entry -> entry.conversation.owner().equals(owner))
          .flatMap(entry -> entry.messagesBySequence.values().stream())
          .filter(message -> !message.createdAt().isBefore(from) && message.createdAt().isBefore(to))
          .forEach(tally::add);
      return tally.usage();
    });
  }

  @Override
  public List<Message> recent(UserId owner, int limit) {
    return newestOf(owner, message -> true, limit);
  }

  @Override
  public List<Message> search(UserId owner, SearchTerms terms, MessageFilter filter, int limit) {
    return newestOf(owner, message -> filter.admits(message) && terms.matches(message.content()), limit);
  }

  private List<Message> newestOf(UserId owner, Predicate<Message> wanted, int limit) {
    return storage.read(() -> storage.entries.values().stream()
        .filter(entry -> entry.conversation.owner().equals(owner))
        .flatMap(entry -> entry.messagesBySequence.values().stream())
        .filter(wanted)
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList());
  }

  @Override
  public Optional<ConversationStatistics> statistics(UserId owner, ConversationId conversationId) {
    return storage.read(() -> storage.owned(owner, conversationId).map(entry -> {
      Map<MessageRole, Long> byRole = new EnumMap<>(MessageRole.class);
      entry.messagesBySequence.values().forEach(message -> byRole.merge(message.role(), 1L, Long::sum));
      List<ToolUsage> tools = ToolUsage.of(entry.messagesBySequence.values());
      return new ConversationStatistics(conversationId, byRole, tools);
    }));
  }
}
