package dev.convostore.adapter.postgres;

import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.application.port.out.Storage;

/** The repositories over one PostgreSQL database. */
final class PostgresStorage implements Storage {

  private final PostgresDatabase database;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final ContextItemRepository contextItems;
  private final RetentionRepository retention;

  PostgresStorage(PostgresDatabase database) {
    this.database = database;
    this.conversations = new PostgresConversations(database);
    this.messages = new PostgresMessages(database);
    this.contextItems = new PostgresContextItems(database);
    this.retention = new PostgresRetention(database);
  }

  static PostgresStorage open(PostgresSettings settings) {
    return new PostgresStorage(PostgresDatabase.open(settings));
  }

  @Override
  public ConversationRepository conversations() {
    return conversations;
  }

  @Override
  public MessageRepository messages() {
    return messages;
  }

  @Override
  public ContextItemRepository contextItems() {
    return contextItems;
  }

  @Override
  public RetentionRepository retention() {
    return retention;
  }

  @Override
  public void close() {
    database.close();
  }
}
