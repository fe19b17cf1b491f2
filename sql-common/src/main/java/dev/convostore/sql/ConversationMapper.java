package dev.convostore.sql;

import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Conversations and their agent state, in ConversationMapper.xml beside it: one statement for
 * every database, a fragment chosen by {@code _databaseId} where a database has its own way.
 */
public interface ConversationMapper {

  /** Inserts the conversation unless its id is taken; returns 1 if inserted, 0 if taken. */
  int insert(@Param("c") Conversation conversation);

  void insertAgentState(@Param("c") Conversation conversation);

  ConversationRow find(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** The revision of the owner's conversation; null when the owner has none with the id. */
  ConversationRevision revision(@Param("owner") UserId owner, @Param("id") ConversationId id);

  /** Whose conversation the id is, if anyone's. */
  UserId ownerOf(@Param("id") ConversationId id);

  /**
   * A page of the owner's conversations, most recently started first ({@code byCreation}) or most
   * recent activity first. The metadata filter comes
   * twice: as a JSON object (null when empty) and as the text of each member ({@link
   * MetadataFilter}); the SQL uses either.
   */
  List<ConversationRow> list(
      @Param("owner") UserId owner,
      @Param("byCreation") boolean byCreation,
      @Param("active") Boolean active,
      @Param("afterTime") Instant afterTime,
      @Param("afterId") ConversationId afterId,
      @Param("filter") JsonObject filter,
      @Param("members") List<String> members,
      @Param("limit") int limit);

  /** Stores the changed attributes if the version is still the expected one; returns rows changed. */
  int updateAttributes(@Param("c") Conversation changed, @Param("expectedVersion") long expectedVersion);

  void updateAgentState(@Param("c") Conversation changed);

  int delete(@Param("owner") UserId owner, @Param("id") ConversationId id);

  long countMessagesOf(@Param("owner") UserId owner);

  long countItemsOf(@Param("owner") UserId owner);

  int deleteAllOf(@Param("owner") UserId owner);

  /** Conversation ids in id order after {@code after} (from the start when null), of one owner or all (null). */
  List<ConversationId> idsAfter(
      @Param("owner") UserId owner, @Param("after") ConversationId after, @Param("limit") int limit);
}
