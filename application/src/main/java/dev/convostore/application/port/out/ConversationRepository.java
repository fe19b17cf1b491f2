package dev.convostore.application.port.out;

import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.UserId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Stores conversations and whole-conversation operations. */
public interface ConversationRepository {

  /** Stores a new conversation; an id already in use (by anyone) is {@code ConflictException ID_IN_USE}. */
  void insert(Conversation conversation);

  /** The owner's conversation, if the owner has it. */
  Optional<Conversation> find(UserId owner, ConversationId id);

  /** The revision of the owner's conversation, read without the rest of it, if the owner has it. */
  Optional<ConversationRevision> revision(UserId owner, ConversationId id);

  /** Whose conversation the id is, if anyone's: an operator's question (imports never change owners). */
  Optional<UserId> ownerOf(ConversationId id);

  /** A page of the owner's conversations (see {@link ConversationQuery}). */
  List<Conversation> list(ConversationQuery query);

  /**
   * Stores the attributes of {@code changed} (title, active flag, metadata, agent state, version)
   * if the stored conversation of the same owner still has {@code expectedVersion}. The stored
   * updatedAt becomes the later of the stored one and {@code changed.updatedAt()}; message count
   * and last sequence are kept as stored, since appends may have happened meanwhile.
   *
   * @return the conversation as stored after the change; empty if it is gone or its version moved
   */
  Optional<Conversation> updateAttributes(Conversation changed, long expectedVersion);

  /** Deletes the owner's conversation with everything it holds; false if the owner has no such conversation. */
  boolean delete(UserId owner, ConversationId id);

  /** Deletes everything the owner has. */
  ErasureReport deleteAllOf(UserId owner);

  /**
   * Stores the snapshot as the whole conversation: created if new, otherwise its attributes,
   * messages and context items replaced. The id of another owner's conversation is {@code
   * ConflictException ID_IN_USE}.
   */
  void save(ConversationSnapshot snapshot);

  /**
   * Saves each snapshot as {@link #save} does, all atomically: either every one is stored or none
   * is (an import writes many conversations per transaction).
   */
  void saveAll(List<ConversationSnapshot> snapshots);

  /**
   * Whole conversations in id order, of one owner or of everyone; each with its messages in
   * sequence order and its context items oldest first (createdAt, then id). The caller closes the stream;
   * adapters may hold a connection until then.
   */
  Stream<ConversationSnapshot> export(Optional<UserId> owner);
}
