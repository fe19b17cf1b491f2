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
   * Saves each snapshot as {@link ConversationsUseCase#save} does, for its own owner: re-importing
   * changes nothing. Each conversation is saved atomically; an error stops the import and leaves
   * the conversations saved before it.
   */
  ImportReport importAll(Iterator<ConversationSnapshot> snapshots);
}
