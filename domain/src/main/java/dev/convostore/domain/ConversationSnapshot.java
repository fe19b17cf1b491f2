package dev.convostore.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole conversation: its attributes, all its messages in sequence order and its context
 * items. The unit of export, import and whole-conversation saves.
 *
 * @param conversation the conversation
 * @param messages its messages, in increasing sequence order
 * @param contextItems its context items
 */
public record ConversationSnapshot(
    Conversation conversation, List<Message> messages, List<ContextItem> contextItems) {

  /** Validates that every part belongs to the conversation and that the counts agree. */
  public ConversationSnapshot {
    Checks.present("conversation", conversation);
    messages = Checks.list("messages", messages);
    contextItems = Checks.list("contextItems", contextItems);
    long previous = 0;
    Set<MessageId> ids = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      String field = "messages[" + i + "]";
      if (!message.conversationId().equals(conversation.id())
          || !message.owner().equals(conversation.owner())) {
        throw new ValidationException(field, "belongs to another conversation");
      }
      if (message.sequence() <= previous || message.sequence() > conversation.lastSequence()) {
        throw new ValidationException(
            field + ".sequence", "must increase and not exceed the conversation's lastSequence");
      }
      if (!ids.add(message.id())) {
        throw new ValidationException(field + ".id", "repeats the id of an earlier message");
      }
      previous = message.sequence();
    }
    if (conversation.messageCount() != messages.size()) {
      throw new ValidationException("conversation.messageCount", "must equal the number of messages");
    }
    Set<ContextItemId> itemIds = new HashSet<>();
    for (int i = 0; i < contextItems.size(); i++) {
      ContextItem item = contextItems.get(i);
      if (!item.conversationId().equals(conversation.id())) {
        throw new ValidationException("contextItems[" + i + "]", "belongs to another conversation");
      }
      if (!itemIds.add(item.id())) {
        throw new ValidationException("contextItems[" + i + "].id", "repeats the id of an earlier item");
      }
    }
  }
}
