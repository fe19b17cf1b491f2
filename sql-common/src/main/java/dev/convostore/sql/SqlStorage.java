package dev.convostore.sql;

import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.application.port.out.Storage;
import dev.convostore.domain.Message;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;

/** The repositories over one SQL database. */
public final class SqlStorage implements Storage {

  private final SqlDatabase database;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final ContextItemRepository contextItems;
  private final RetentionRepository retention;

  /**
   * @param messages the adapter's messages over the database, whose appends and search index are its own
   * @param insertMessages how the adapter inserts a whole conversation's messages in a batching session
   */
  public <D extends SqlDatabase> SqlStorage(
      D database, Function<? super D, ? extends MessageRepository> messages,
      BiConsumer<SqlSession, List<Message>> insertMessages) {
    this.database = database;
    this.conversations = new SqlConversations(database, insertMessages);
    this.messages = messages.apply(database);
    this.contextItems = new SqlContextItems(database);
    this.retention = new SqlRetention(database);
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

  /** The version of the database's schema when the store opened. */
  public String schemaVersion() {
    return database.schemaVersion();
  }

  @Override
  public void close() {
    database.close();
  }
}
