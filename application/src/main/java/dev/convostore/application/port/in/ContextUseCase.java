package dev.convostore.application.port.in;

import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.UserId;
import java.util.List;

/** The memory and context items an agent retrieved for a conversation. */
public interface ContextUseCase {

  /** Adds an item to the conversation. */
  ContextItem add(UserId user, ConversationId conversationId, NewContextItem item);

  /** The conversation's items that the query selects, in its order. */
  List<ContextItem> list(UserId user, ConversationId conversationId, ContextQuery query);

  /** The {@code k} most relevant items. */
  default List<ContextItem> topK(UserId user, ConversationId conversationId, int k) {
    return list(user, conversationId, ContextQuery.topK(k));
  }

  /** Removes one item; an unknown item is {@link dev.convostore.domain.NotFoundException}. */
  void remove(UserId user, ConversationId conversationId, ContextItemId itemId);
}
