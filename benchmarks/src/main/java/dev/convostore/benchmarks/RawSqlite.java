package dev.convostore.benchmarks;

import dev.convostore.domain.UserId;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The floor on SQLite: the least JDBC that does the same observable jobs, on a minimal schema
 * (conversations with owner, activity and last sequence; messages keyed by conversation and
 * sequence; an FTS5 table for search), one connection, WAL and synchronous=NORMAL as convostore.
 */
final class RawSqlite implements Side {

  private final Connection connection;

  RawSqlite(String file) throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite:" + file + "?" + Jdbc.SQLITE_NO_GENERATED_KEYS);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA synchronous=NORMAL");
      statement.execute("CREATE TABLE raw_conversations (id BLOB PRIMARY KEY, owner TEXT NOT NULL,"
          + " updated_at INTEGER NOT NULL, last_seq INTEGER NOT NULL)");
      statement.execute("CREATE INDEX raw_conversations_by_owner ON raw_conversations (owner, updated_at)");
      statement.execute("CREATE TABLE raw_messages (conversation_id BLOB NOT NULL, seq INTEGER NOT NULL,"
          + " role TEXT NOT NULL, content TEXT NOT NULL, created_at INTEGER NOT NULL,"
          + " PRIMARY KEY (conversation_id, seq)) WITHOUT ROWID");
      statement.execute("CREATE VIRTUAL TABLE raw_search USING fts5 (content, owner UNINDEXED, created_at UNINDEXED)");
    }
  }

  static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }

  @Override
  public void load(Dataset data) throws SQLException {
    try (PreparedStatement conversation = connection.prepareStatement("INSERT INTO raw_conversations VALUES (?, ?, ?, ?)");
        PreparedStatement message = connection.prepareStatement("INSERT INTO raw_messages VALUES (?, ?, ?, ?, ?)");
        PreparedStatement search = connection.prepareStatement("INSERT INTO raw_search VALUES (?, ?, ?)")) {
      for (Dataset.Plan plan : data.plans) { // one transaction per conversation, as convostore's import
        execute("BEGIN IMMEDIATE");
        byte[] id = bytes(plan.id().value());
        conversation.setBytes(1, id);
        conversation.setString(2, plan.owner().value());
        conversation.setLong(3, micros(plan, plan.messages()));
        conversation.setLong(4, plan.messages());
        conversation.executeUpdate();
        for (int sequence = 1; sequence <= plan.messages(); sequence++) {
          String content = Dataset.content(plan, sequence);
          message.setBytes(1, id);
          message.setLong(2, sequence);
          message.setString(3, Dataset.fromUser(sequence) ? "user" : "assistant");
          message.setString(4, content);
          message.setLong(5, micros(plan, sequence));
          message.addBatch();
          search.setString(1, content);
          search.setString(2, plan.owner().value());
          search.setLong(3, micros(plan, sequence));
          search.addBatch();
        }
        message.executeBatch();
        search.executeBatch();
        execute("COMMIT");
      }
    }
  }

  private static long micros(Dataset.Plan plan, int sequence) {
    return Dataset.createdAt(plan, sequence).toEpochMilli() * 1000;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void append(Dataset.Plan plan, int n) {
    try {
      execute("BEGIN IMMEDIATE");
      long now = System.currentTimeMillis() * 1000;
      long sequence;
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE raw_conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq")) {
        update.setLong(1, now);
        update.setBytes(2, bytes(plan.id().value()));
        try (ResultSet row = update.executeQuery()) {
          row.next();
          sequence = row.getLong(1);
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_messages VALUES (?, ?, 'user', ?, ?)");
          PreparedStatement search = connection.prepareStatement("INSERT INTO raw_search VALUES (?, ?, ?)")) {
        insert.setBytes(1, bytes(plan.id().value()));
        insert.setLong(2, sequence);
        insert.setString(3, Dataset.appended(n));
        insert.setLong(4, now);
        insert.executeUpdate();
        search.setString(1, Dataset.appended(n));
        search.setString(2, plan.owner().value());
        search.setLong(3, now);
        search.executeUpdate();
      }
      execute("COMMIT");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int history(Dataset.Plan plan) {
    // The owner's check is part of the job: another user's conversation must show nothing.
    return RawQueries.count(connection, "SELECT m.seq, m.role, m.content, m.created_at FROM raw_messages m"
        + " JOIN raw_conversations c ON c.id = m.conversation_id WHERE m.conversation_id = ? AND c.owner = ?"
        + " ORDER BY m.seq DESC LIMIT 20", bytes(plan.id().value()), plan.owner().value());
  }

  @Override
  public int list(UserId owner) {
    return RawQueries.count(connection, "SELECT id, updated_at, last_seq FROM raw_conversations WHERE owner = ? ORDER BY updated_at DESC LIMIT 20",
        owner.value());
  }

  @Override
  public int search(UserId owner, String query) {
    return RawQueries.count(connection, "SELECT content, created_at FROM raw_search WHERE raw_search MATCH ? AND owner = ?"
        + " ORDER BY created_at DESC LIMIT 20", query, owner.value());
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the benchmark is over
    }
  }
}
