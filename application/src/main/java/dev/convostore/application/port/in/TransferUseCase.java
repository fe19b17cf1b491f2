package dev.convostore.application.port.in;

import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.UserId;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Export and import of whole conversations, one {@link ConversationSnapshot} at a time, so any
 * number of conversations moves in the memory of one.
 */
public interface TransferUseCase {

  /**
   * The user's conversations in id order. The stream holds storage resources: close it (use
   * try-with-resources).
   */
  Stream<ConversationSnapshot> export(UserId user);

  /**
   * Every user's conversations in id order: an operator call. The stream holds storage
   * resources: close it.
   */
  Stream<ConversationSnapshot> exportAll();

  /**
   * Checks, storing nothing, that {@link #importAll} would store the snapshot: the store's limits,
   * its id (another user's conversation is {@code ConflictException ID_IN_USE}) and, under {@link
   * ImportMode#NEVER_BACKWARDS}, its age ({@code OLDER_THAN_STORED}). A reader of a file checks
   * every conversation this way before importing any, so that a bad one imports nothing.
   */
  void checkImport(ConversationSnapshot snapshot, ImportMode mode);

  /**
   * Stores each snapshot for its own owner: an operator call, since owners come from the input.
   * A new conversation is created; one already stored as the snapshot holds it is left alone
   * (importing twice changes nothing); otherwise the stored one is replaced whole, with its version
   * raised past both, as {@code mode} allows. Conversations are saved a few thousand rows per
   * transaction, each conversation whole. A refused conversation stops the import and leaves the
   * conversations before it saved; a failure of the store itself loses only the transaction being
   * written, never a conversation's half ({@link #checkImport} first makes the whole import all or
   * nothing).
   */
  ImportReport importAll(Iterator<ConversationSnapshot> snapshots, ImportMode mode);
}
