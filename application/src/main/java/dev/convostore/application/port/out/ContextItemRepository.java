package dev.convostore.application.port.out;

import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.UserId;
import java.util.List;
import java.util.Optional;

/** Stores context items. */
public interface ContextItemRepository {

  /**
   * Adds the item to the owner's conversation; false if the owner has no such conversation. Item
   * ids are unique within their conversation (as message ids are): an id the conversation already
   * holds is {@code ConflictException ID_IN_USE}.
   */
  boolean add(UserId owner, ContextItem item);

  /**
   * The items the query selects, ordered as it says (ties broken by id); empty if the owner has
   * no such conversation.
   */
  Optional<List<ContextItem>> list(UserId owner, ConversationId conversationId, ContextQuery query);

  /** Removes the item; false if the owner's conversation has no such item. */
  boolean remove(UserId owner, ConversationId conversationId, ContextItemId itemId);
}
