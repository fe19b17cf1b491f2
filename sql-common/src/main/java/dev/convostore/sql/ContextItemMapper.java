package dev.convostore.sql;

import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.ConversationId;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Context items, in ContextItemMapper.xml beside it: the same SQL for every database. */
public interface ContextItemMapper {

  /** Inserts the item unless its conversation already holds the id; returns 1 if inserted, 0 if taken. */
  int insert(@Param("i") ContextItem item);

  List<ContextItem> list(
      @Param("id") ConversationId conversationId,
      @Param("sources") List<ContextSource> sources,
      @Param("contextTypes") List<String> contextTypes,
      @Param("focusAreas") List<String> focusAreas,
      @Param("preferenceTypes") List<String> preferenceTypes,
      @Param("minRelevance") double minRelevance,
      @Param("mostRelevantFirst") boolean mostRelevantFirst,
      @Param("limit") int limit);

  /** Every item of the conversation, oldest first. */
  default List<ContextItem> all(ConversationId conversationId) {
    return list(conversationId, List.of(), List.of(), List.of(), List.of(), 0.0, false, Integer.MAX_VALUE);
  }

  int delete(@Param("id") ConversationId conversationId, @Param("itemId") ContextItemId itemId);
}
