package dev.convostore.adapter.inmemory;

import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One conversation with everything it holds. Mutable; guarded by the storage's lock. */
final class ConversationEntry {

  Conversation conversation;
  final TreeMap<Long, Message> messagesBySequence = new TreeMap<>();
  final Map<MessageId, Message> messagesById = new HashMap<>();
  final Map<ContextItemId, ContextItem> items = new LinkedHashMap<>();
  final Map<MessageId, MessageFeedback> feedback = new HashMap<>();

  ConversationEntry(Conversation conversation) {
    this.conversation = conversation;
  }

  static ConversationEntry of(ConversationSnapshot snapshot) {
    ConversationEntry entry = new ConversationEntry(snapshot.conversation());
    snapshot.messages().forEach(entry::put);
    snapshot.contextItems().forEach(item -> entry.items.put(item.id(), item));
    snapshot.feedback().forEach(given -> entry.feedback.put(given.messageId(), given));
    return entry;
  }

  void put(Message message) {
    messagesBySequence.put(message.sequence(), message);
    messagesById.put(message.id(), message);
  }

  void remove(Message message) {
    messagesBySequence.remove(message.sequence());
    messagesById.remove(message.id());
    feedback.remove(message.id());
  }

  /** The feedback on the messages, in message order. */
  List<MessageFeedback> feedbackInOrder() {
    return feedback.values().stream()
        .sorted(Comparator.comparingLong(given -> messagesById.get(given.messageId()).sequence()))
        .toList();
  }

  ConversationSnapshot snapshot() {
    return new ConversationSnapshot(
        conversation,
        List.copyOf(messagesBySequence.values()),
        items.values().stream().sorted(InMemoryContextItems.OLDEST_FIRST).toList(),
        feedbackInOrder());
  }
}
