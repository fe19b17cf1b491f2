package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.in.RetentionReport;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.domain.Conversation;
import java.time.Instant;
import java.util.List;

final class InMemoryRetention implements RetentionRepository {

  private final InMemoryStorage storage;

  InMemoryRetention(InMemoryStorage storage) {
    this.storage = storage;
  }

  @Override
  public RetentionReport deleteIdleSince(Instant cutoff) {
    return storage.write(() -> {
      List<ConversationEntry> idle = idleSince(cutoff);
      long messages = 0;
      for (ConversationEntry entry : idle) {
        messages += entry.messagesBySequence.size();
        storage.entries.remove(entry.conversation.id());
      }
      return new RetentionReport(idle.size(), 0, messages);
    });
  }

  @Override
  public RetentionReport deactivateIdleSince(Instant cutoff) {
    return storage.write(() -> {
      List<ConversationEntry> idle = idleSince(cutoff).stream().filter(e -> e.conversation.active()).toList();
      for (ConversationEntry entry : idle) {
        Conversation c = entry.conversation;
        entry.conversation = new Conversation(
            c.id(), c.owner(), c.title(), false, c.createdAt(), c.updatedAt(), c.messageCount(),
            c.lastSequence(), c.metadata(), c.agentState(), c.version() + 1);
      }
      return new RetentionReport(0, idle.size(), 0);
    });
  }

  private List<ConversationEntry> idleSince(Instant cutoff) {
    return storage.entries.values().stream()
        .filter(entry -> entry.conversation.updatedAt().isBefore(cutoff))
        .toList();
  }

  @Override
  public RetentionReport trimMessages(int keep) {
    return storage.write(() -> {
      long removed = 0;
      for (ConversationEntry entry : storage.entries.values()) {
        int excess = entry.messagesBySequence.size() - keep;
        for (int i = 0; i < excess; i++) {
          entry.remove(entry.messagesBySequence.firstEntry().getValue());
        }
        if (excess > 0) {
          Conversation c = entry.conversation;
          entry.conversation = new Conversation(
              c.id(), c.owner(), c.title(), c.active(), c.createdAt(), c.updatedAt(), keep,
              c.lastSequence(), c.metadata(), c.agentState(), c.version());
          removed += excess;
        }
      }
      return new RetentionReport(0, 0, removed);
    });
  }
}
