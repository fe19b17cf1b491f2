package dev.convostore.adapter.sqlite;

import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.application.port.out.Storage;

/** The repositories over one SQLite database. */
final class SqliteStorage implements Storage {

  private final SqliteDatabase database;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final ContextItemRepository contextItems;
  private final RetentionRepository retention;

  SqliteStorage(SqliteDatabase database) {
    this.database = database;
    this.conversations = new SqliteConversations(database);
    this.messages = new SqliteMessages(database);
    this.contextItems = new SqliteContextItems(database);
    this.retention = new SqliteRetention(database);
  }

  static SqliteStorage open(SqliteSettings settings) {
    return new SqliteStorage(SqliteDatabase.open(settings));
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
