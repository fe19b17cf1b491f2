package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.application.port.out.Storage;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The whole store behind one read-write lock: every port method runs under it, which makes each
 * one atomic and isolated, as a database transaction would be. Simple beats clever here: this
 * adapter serves tests, where correctness matters more than write concurrency.
 */
final class InMemoryStorage implements Storage {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  final Map<ConversationId, ConversationEntry> entries = new HashMap<>();

  private final ConversationRepository conversations = new InMemoryConversations(this);
  private final MessageRepository messages = new InMemoryMessages(this);
  private final ContextItemRepository contextItems = new InMemoryContextItems(this);
  private final RetentionRepository retention = new InMemoryRetention(this);

  <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The owner's conversation; another owner's is treated as absent. Call under the lock. */
  Optional<ConversationEntry> owned(UserId owner, ConversationId id) {
    ConversationEntry entry = entries.get(id);
    return entry != null && entry.conversation.owner().equals(owner) ? Optional.of(entry) : Optional.empty();
  }

  @Override
  public ConversationRepository conversations() {
    return conversations;
  }

  @Override
  public MessageRepository messages() {
    return messages;
  }

  @Override
  public ContextItemRepository contextItems() {
    return contextItems;
  }

  @Override
  public RetentionRepository retention() {
    return retention;
  }

  @Override
  public void close() {
    write(() -> {
      entries.clear();
      return null;
    });
  }
}
