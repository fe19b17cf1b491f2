package dev.convostore.benchmarks;

import dev.convostore.domain.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The floor on PostgreSQL: the least JDBC that does the same observable jobs on a minimal schema
 * (conversations with owner, activity and last sequence; messages keyed by conversation and
 * sequence with a generated tsvector and a GIN index), one connection; an append is one
 * statement that takes the sequence number and inserts.
 */
final class RawPostgres implements Side {

  private final Connection connection;

  RawPostgres(String url) throws SQLException {
    connection = DriverManager.getConnection(url + "&reWriteBatchedInserts=true");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE raw_conversations (id uuid PRIMARY KEY, owner text NOT NULL,"
          + " updated_at timestamptz NOT NULL, last_seq bigint NOT NULL)");
      statement.execute("CREATE INDEX raw_conversations_by_owner ON raw_conversations (owner, updated_at DESC)");
      statement.execute("CREATE TABLE raw_messages (conversation_id uuid NOT NULL, seq bigint NOT NULL, owner text NOT NULL,"
          + " role text NOT NULL, content text NOT NULL, created_at timestamptz NOT NULL,"
          + " search tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,"
          + " PRIMARY KEY (conversation_id, seq))");
      statement.execute("CREATE INDEX raw_messages_search ON raw_messages USING gin (search)");
    }
  }

  private static OffsetDateTime at(Dataset.Plan plan, int sequence) {
    return OffsetDateTime.ofInstant(Dataset.createdAt(plan, sequence), ZoneOffset.UTC);
  }

  @Override
  public void load(Dataset data) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement conversation = connection.prepareStatement("INSERT INTO raw_conversations VALUES (?, ?, ?, ?)");
        PreparedStatement message = connection.prepareStatement(
            "INSERT INTO raw_messages (conversation_id, seq, owner, role, content, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Dataset.Plan plan : data.plans) { // one transaction per conversation, as convostore's import
        conversation.setObject(1, plan.id().value());
        conversation.setString(2, plan.owner().value());
        conversation.setObject(3, at(plan, plan.messages()));
        conversation.setLong(4, plan.messages());
        conversation.executeUpdate();
        for (int sequence = 1; sequence <= plan.messages(); sequence++) {
          message.setObject(1, plan.id().value());
          message.setLong(2, sequence);
          message.setString(3, plan.owner().value());
          message.setString(4, Dataset.fromUser(sequence) ? "user" : "assistant");
          message.setString(5, Dataset.content(plan, sequence));
          message.setObject(6, at(plan, sequence));
          message.addBatch();
        }
        message.executeBatch();
        connection.commit();
      }
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @Override
  public void append(Dataset.Plan plan, int n) {
    try (PreparedStatement append = connection.prepareStatement(
        "WITH c AS (UPDATE raw_conversations SET last_seq = last_seq + 1, updated_at = now() WHERE id = ? RETURNING last_seq)"
            + " INSERT INTO raw_messages (conversation_id, seq, owner, role, content, created_at)"
            + " SELECT ?, c.last_seq, ?, 'user', ?, now() FROM c")) {
      append.setObject(1, plan.id().value());
      append.setObject(2, plan.id().value());
      append.setString(3, plan.owner().value());
      append.setString(4, Dataset.appended(n));
      append.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int history(Dataset.Plan plan) {
    // The owner's check is part of the job: another user's conversation must show nothing.
    return RawQueries.count(connection, "SELECT seq, role, content, created_at FROM raw_messages"
        + " WHERE conversation_id = ? AND owner = ? ORDER BY seq DESC LIMIT 20", plan.id().value(), plan.owner().value());
  }

  @Override
  public int list(UserId owner) {
    return RawQueries.count(connection, "SELECT id, updated_at, last_seq FROM raw_conversations WHERE owner = ? ORDER BY updated_at DESC LIMIT 20",
        owner.value());
  }

  @Override
  public int search(UserId owner, String query) {
    return RawQueries.count(connection, "SELECT content, created_at FROM raw_messages WHERE search @@ plainto_tsquery('simple', ?) AND owner = ?"
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
