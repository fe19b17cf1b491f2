package dev.convostore.application.port.out;

/** One opened storage: the repositories of one adapter over one database. */
public interface Storage extends AutoCloseable {

  /** Conversations. */
  ConversationRepository conversations();

  /** Messages. */
  MessageRepository messages();

  /** Context items. */
  ContextItemRepository contextItems();

  /** Retention. */
  RetentionRepository retention();

  /** Releases the storage's resources (pools, files). Idempotent. */
  @Override
  void close();
}
