package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.out.ConversationCursor;
import dev.convostore.application.port.out.ConversationQuery;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.domain.ConflictException.Reason;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.ConversationOrder;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

final class InMemoryConversations implements ConversationRepository {

  private final InMemoryStorage storage;

  InMemoryConversations(InMemoryStorage storage) {
    this.storage = storage;
  }

  @Override
  public void insert(Conversation conversation) {
    storage.write(() -> {
      if (storage.entries.containsKey(conversation.id())) {
        throw idInUse(conversation.id());
      }
      storage.entries.put(conversation.id(), new ConversationEntry(conversation));
      return null;
    });
  }

  @Override
  public Optional<Conversation> find(UserId owner, ConversationId id) {
    return storage.read(() -> storage.owned(owner, id).map(entry -> entry.conversation));
  }

  @Override
  public Optional<ConversationRevision> revision(UserId owner, ConversationId id) {
    return find(owner, id).map(Conversation::revision);
  }

  @Override
  public Optional<UserId> ownerOf(ConversationId id) {
    return storage.read(() -> Optional.ofNullable(storage.entries.get(id)).map(entry -> entry.conversation.owner()));
  }

  @Override
  public List<Conversation> list(ConversationQuery query) {
    return storage.read(() -> storage.entries.values().stream()
        .map(entry -> entry.conversation)
        .filter(c -> c.owner().equals(query.owner()))
        .filter(c -> query.active().map(active -> c.active() == active).orElse(true))
        .filter(c -> matches(c.metadata(), query.metadataFilter()))
        .filter(c -> query.after().map(cursor -> isAfter(c, query.order(), cursor)).orElse(true))
        .sorted(listingOrder(query.order()))
        .limit(query.limit())
        .toList());
  }

  /** The order's time, newest first; ties by id, descending, as the SQL adapters order. */
  private static Comparator<Conversation> listingOrder(ConversationOrder order) {
    return Comparator.comparing(order::timeOf).thenComparing(Conversation::id).reversed();
  }

  private static boolean matches(JsonObject metadata, JsonObject filter) {
    return filter.members().entrySet().stream()
        .allMatch(member -> Objects.equals(metadata.members().get(member.getKey()), member.getValue()));
  }

  private static boolean isAfter(Conversation c, ConversationOrder order, ConversationCursor cursor) {
    int byTime = order.timeOf(c).compareTo(cursor.time());
    return byTime < 0 || (byTime == 0 && c.id().compareTo(cursor.id()) < 0);
  }

  @Override
  public Optional<Conversation> updateAttributes(Conversation changed, long expectedVersion) {
    return storage.write(() -> storage.owned(changed.owner(), changed.id())
        .filter(entry -> entry.conversation.version() == expectedVersion)
        .map(entry -> {
          Conversation stored = entry.conversation;
          entry.conversation = new Conversation(
              stored.id(), stored.owner(), changed.title(), changed.active(), stored.createdAt(),
              later(stored, changed), stored.messageCount(), stored.lastSequence(),
              changed.metadata(), changed.agentState(), changed.version());
          return entry.conversation;
        }));
  }

  private static Instant later(Conversation a, Conversation b) {
    return a.updatedAt().isAfter(b.updatedAt()) ? a.updatedAt() : b.updatedAt();
  }

  @Override
  public boolean delete(UserId owner, ConversationId id) {
    return storage.write(() -> storage.owned(owner, id).map(entry -> {
      storage.entries.remove(id);
      return true;
    }).orElse(false));
  }

  @Override
  public ErasureReport deleteAllOf(UserId owner) {
    return storage.write(() -> {
      List<ConversationEntry> owned = storage.entries.values().stream()
          .filter(entry -> entry.conversation.owner().equals(owner))
          .toList();
      long messages = 0;
      long items = 0;
      for (ConversationEntry entry : owned) {
        messages += entry.messagesBySequence.size();
        items += entry.items.size();
        storage.entries.remove(entry.conversation.id());
      }
      return new ErasureReport(owned.size(), messages, items);
    });
  }

  @Override
  public void save(ConversationSnapshot snapshot) {
    saveAll(List.of(snapshot));
  }

  @Override
  public void saveAll(List<ConversationSnapshot> snapshots) {
    storage.write(() -> {
      Map<ConversationId, UserId> owners = new HashMap<>();
      for (ConversationSnapshot snapshot : snapshots) { // every id checked before anything changes
        Conversation conversation = snapshot.conversation();
        ConversationEntry existing = storage.entries.get(conversation.id());
        UserId owner = owners.getOrDefault(conversation.id(), existing == null ? null : existing.conversation.owner());
        if (owner != null && !owner.equals(conversation.owner())) {
          throw idInUse(conversation.id());
        }
        owners.put(conversation.id(), conversation.owner());
      }
      snapshots.forEach(snapshot -> storage.entries.put(snapshot.conversation().id(), ConversationEntry.of(snapshot)));
      return null;
    });
  }

  @Override
  public Stream<ConversationSnapshot> export(Optional<UserId> owner) {
    // Ids are taken at once; each conversation is copied when the stream reaches it, so a
    // large store is never copied whole.
    List<ConversationId> ids = storage.read(() -> storage.entries.values().stream()
        .map(entry -> entry.conversation)
        .filter(c -> owner.map(c.owner()::equals).orElse(true))
        .map(Conversation::id)
        .sorted()
        .toList());
    return ids.stream()
        .map(id -> storage.read(() -> Optional.ofNullable(storage.entries.get(id)).map(ConversationEntry::snapshot)))
        .flatMap(Optional::stream);
  }

  static ConflictException idInUse(ConversationId id) {
    return new ConflictException(Reason.ID_IN_USE, "conversation id " + id + " is already in use");
  }
}
