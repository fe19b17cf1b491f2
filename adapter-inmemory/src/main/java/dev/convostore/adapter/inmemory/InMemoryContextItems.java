package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.domain.ConflictException.Reason;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryContextItems implements ContextItemRepository {

  /** Items in the order they were added: createdAt, then id; also the order of exports. */
  static final Comparator<ContextItem> OLDEST_FIRST =
      Comparator.comparing(ContextItem::createdAt).thenComparing(ContextItem::id);

  private static final Comparator<ContextItem> MOST_RELEVANT_FIRST =
      Comparator.comparingDouble(ContextItem::relevance).thenComparing(OLDEST_FIRST).reversed();

  private final InMemoryStorage storage;

  InMemoryContextItems(InMemoryStorage storage) {
    this.storage = storage;
  }

  @Override
  public boolean add(UserId owner, ContextItem item) {
    return storage.write(() -> storage.owned(owner, item.conversationId()).map(entry -> {
      if (entry.items.putIfAbsent(item.id(), item) != null) {
        throw new ConflictException(Reason.ID_IN_USE, "context item id " + item.id() + " is already in use");
      }
      return true;
    }).orElse(false));
  }

  @Override
  public Optional<List<ContextItem>> list(UserId owner, ConversationId conversationId, ContextQuery query) {
    Comparator<ContextItem> order = switch (query.order()) {
      case OLDEST_FIRST -> OLDEST_FIRST;
      case MOST_RELEVANT_FIRST -> MOST_RELEVANT_FIRST;
    };
    return storage.read(() -> storage.owned(owner, conversationId).map(entry -> entry.items.values().stream()
        .filter(item -> query.admits(item.details()))
        .sorted(order)
        .limit(query.limit())
        .toList()));
  }

  @Override
  public boolean remove(UserId owner, ConversationId conversationId, ContextItemId itemId) {
    return storage.write(() -> storage.owned(owner, conversationId)
        .map(entry -> entry.items.remove(itemId) != null)
        .orElse(false));
  }
}
