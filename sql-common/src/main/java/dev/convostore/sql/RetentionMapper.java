package dev.convostore.sql;

import dev.convostore.domain.ConversationId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Bulk removal across users, in RetentionMapper.xml beside it: the same SQL for every database. */
public interface RetentionMapper {

  /** The messages of the conversations idle since {@code cutoff} (only inactive ones when {@code onlyInactive}). */
  long countMessagesIdleSince(@Param("cutoff") Instant cutoff, @Param("onlyInactive") boolean onlyInactive);

  /** Deletes the conversations {@link #countMessagesIdleSince} counts the messages of. */
  int deleteIdleSince(@Param("cutoff") Instant cutoff, @Param("onlyInactive") boolean onlyInactive);

  int deactivateIdleSince(@Param("cutoff") Instant cutoff);

  /** Conversations holding more than {@code keep} messages. */
  List<ConversationId> holdingMoreThan(@Param("keep") int keep);

  /**
   * Deletes all but the newest {@code keep} messages of the conversation, and the tool results at
   * the start of what is left (their call went); returns how many went.
   */
  int trim(@Param("id") ConversationId id, @Param("keep") int keep);

  void lowerCount(@Param("id") ConversationId id, @Param("removed") int removed);
}
