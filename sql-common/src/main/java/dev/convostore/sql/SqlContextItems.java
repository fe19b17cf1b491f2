package dev.convostore.sql;

import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.domain.ConflictException.Reason;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextQuery;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.UserId;
import java.util.List;
import java.util.Optional;

/** Context items in a SQL database, through the adapter's mappers. */
public final class SqlContextItems implements ContextItemRepository {

  private final SqlDatabase database;

  /** Context items over the adapter's database. */
  public SqlContextItems(SqlDatabase database) {
    this.database = database;
  }

  @Override
  public boolean add(UserId owner, ContextItem item) {
    return database.write(session -> {
      if (!session.getMapper(MessageMapper.class).owns(owner, item.conversationId())) {
        return false;
      }
      if (session.getMapper(ContextItemMapper.class).insert(item) == 0) {
        throw new ConflictException(Reason.ID_IN_USE, "context item id " + item.id() + " is already in use");
      }
      return true;
    });
  }

  @Override
  public Optional<List<ContextItem>> list(UserId owner, ConversationId conversationId, ContextQuery query) {
    boolean mostRelevantFirst = query.order() == ContextQuery.Order.MOST_RELEVANT_FIRST;
    return database.read(session -> {
      if (!session.getMapper(MessageMapper.class).owns(owner, conversationId)) {
        return Optional.empty();
      }
      return Optional.of(List.copyOf(session.getMapper(ContextItemMapper.class).list(
          conversationId, List.copyOf(query.sources()), List.copyOf(query.contextTypes()), List.copyOf(query.focusAreas()),
          List.copyOf(query.preferenceTypes()), query.minRelevance(), mostRelevantFirst, query.limit())));
    });
  }

  @Override
  public boolean remove(UserId owner, ConversationId conversationId, ContextItemId itemId) {
    return database.write(session -> session.getMapper(MessageMapper.class).owns(owner, conversationId)
        && session.getMapper(ContextItemMapper.class).delete(conversationId, itemId) > 0);
  }
}
