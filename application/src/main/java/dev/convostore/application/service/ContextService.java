package dev.convostore.application.service;

import dev.convostore.application.port.in.ContextUseCase;
import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.UserId;
import java.util.List;

final class ContextService implements ContextUseCase {

  private final ContextItemRepository items;
  private final Guard guard;

  ContextService(ContextItemRepository items, Guard guard) {
    this.items = items;
    this.guard = guard;
  }

  @Override
  public ContextItem add(UserId user, ConversationId conversationId, NewContextItem item) {
    checkIds(user, conversationId);
    guard.contextItem("item", Checks.present("item", item));
    ContextItem stored = new ContextItem(ContextItemId.newId(), conversationId, item, guard.now());
    if (!items.add(user, stored)) {
      throw ConversationService.notFound(conversationId);
    }
    return stored;
  }

  @Override
  public List<ContextItem> list(UserId user, ConversationId conversationId, ContextQuery query) {
    checkIds(user, conversationId);
    Checks.present("query", query);
    return items.list(user, conversationId, query)
        .orElseThrow(() -> ConversationService.notFound(conversationId));
  }

  @Override
  public void remove(UserId user, ConversationId conversationId, ContextItemId itemId) {
    checkIds(user, conversationId);
    Checks.present("itemId", itemId);
    if (!items.remove(user, conversationId, itemId)) {
      throw new NotFoundException("context item", itemId);
    }
  }

  private static void checkIds(UserId user, ConversationId conversationId) {
    Checks.present("user", user);
    Checks.present("conversationId", conversationId);
  }
}
