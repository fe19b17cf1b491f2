package dev.convostore.benchmarks;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A LangChain4j chat memory store written the way the persistent ones that LangChain4j's
 * community ships are: one row per memory holding the whole list as LangChain4j's JSON, replaced
 * on every update. None of them is served for LangChain4j 1.19, so this stands in for them in the
 * benchmarks, and is labelled so.
 */
final class BlobChatMemoryStore implements ChatMemoryStore {

  /** The table, in SQLite's and PostgreSQL's common SQL. */
  static final String SCHEMA = "CREATE TABLE chat_memory (memory_id TEXT PRIMARY KEY, messages TEXT NOT NULL)";

  private final DataSource dataSource;

  BlobChatMemoryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT messages FROM chat_memory WHERE memory_id = ?")) {
      select.setString(1, memoryId.toString());
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? ChatMessageDeserializer.messagesFromJson(result.getString(1)) : new ArrayList<>();
      }
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> messages) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement("INSERT INTO chat_memory (memory_id, messages) VALUES (?, ?)"
            + " ON CONFLICT (memory_id) DO UPDATE SET messages = excluded.messages")) {
      upsert.setString(1, memoryId.toString());
      upsert.setString(2, ChatMessageSerializer.messagesToJson(messages));
      upsert.executeUpdate();
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  @Override
  public void deleteMessages(Object memoryId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM chat_memory WHERE memory_id = ?")) {
      delete.setString(1, memoryId.toString());
      delete.executeUpdate();
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }
}
