package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.RetentionReport;
import java.time.Instant;
import java.util.List;

final class InMemoryRetention implements RetentionRepository {

  private final InMemoryStorage storage;

  InMemoryRetention(InMemoryStorage storage) {
    this.storage = storage;
  }

  @Override
  public RetentionReport deleteIdleSince(Instant cutoff, boolean onlyInactive) {
    return storage.write(() -> {
      List<ConversationEntry> idle = idleSince(cutoff).stream().filter(e -> !onlyInactive || !e.conversation.active()).toList();
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
        int before = entry.messagesBySequence.size();
        if (before <= keep) {
          continue;
        }
        while (entry.messagesBySequence.size() > keep) {
          entry.remove(entry.messagesBySequence.firstEntry().getValue());
        }
        // Tool results whose call went would be orphans: they go too.
        while (!entry.messagesBySequence.isEmpty()
            && entry.messagesBySequence.firstEntry().getValue().kind() == MessageKind.TOOL_RESULT) {
          entry.remove(entry.messagesBySequence.firstEntry().getValue());
        }
        Conversation c = entry.conversation;
        entry.conversation = new Conversation(
            c.id(), c.owner(), c.title(), c.active(), c.createdAt(), c.updatedAt(), entry.messagesBySequence.size(),
            c.lastSequence(), c.metadata(), c.agentState(), c.version());
        removed += before - entry.messagesBySequence.size();
      }
      return new RetentionReport(0, 0, removed);
    });
  }
}
