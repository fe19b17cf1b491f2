package dev.convostore.benchmarks;

import dev.convostore.domain.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

/**
 * The floor on H2: the least JDBC that does the same observable jobs on a minimal schema
 * (conversations with owner, activity and last sequence; messages keyed by conversation and
 * sequence; a table of each message's words with its owner, since H2 has no full-text index of
 * its own that filters by owner), one connection; an append is one statement that takes the
 * sequence number and inserts.
 */
final class RawH2 implements Side {

  private final Connection connection;

  RawH2(String url) throws SQLException {
    connection = DriverManager.getConnection(url, "sa", "");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE raw_conversations (id UUID PRIMARY KEY, owner VARCHAR(255) NOT NULL,"
          + " updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, last_seq BIGINT NOT NULL);"
          + " CREATE INDEX raw_conversations_by_owner ON raw_conversations (owner DESC, updated_at DESC);"
          + " CREATE TABLE raw_messages (conversation_id UUID NOT NULL, seq BIGINT NOT NULL, owner VARCHAR(255) NOT NULL,"
          + " role VARCHAR(16) NOT NULL, content VARCHAR NOT NULL, created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
          + " PRIMARY KEY (conversation_id, seq));"
          + " CREATE TABLE raw_words (conversation_id UUID NOT NULL, seq BIGINT NOT NULL, word VARCHAR NOT NULL,"
          + " owner VARCHAR(255) NOT NULL, PRIMARY KEY (conversation_id, seq, word));"
          + " CREATE INDEX raw_words_by_owner ON raw_words (owner, word)");
    }
  }

  private static String[] words(String content) {
    return Arrays.stream(content.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty()).distinct().toArray(String[]::new);
  }

  @Override
  public void load(Dataset data) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement conversation = connection.prepareStatement("INSERT INTO raw_conversations VALUES (?, ?, ?, ?)");
        PreparedStatement message = connection.prepareStatement("INSERT INTO raw_messages VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement word = connection.prepareStatement("INSERT INTO raw_words VALUES (?, ?, ?, ?)")) {
      for (Dataset.Plan plan : data.plans) { // one transaction per conversation, as convostore's import
        Object id = plan.id().value();
        String owner = plan.owner().value();
        bind(conversation, id, owner, at(plan, plan.messages()), (long) plan.messages()).executeUpdate();
        for (int sequence = 1; sequence <= plan.messages(); sequence++) {
          String content = Dataset.content(plan, sequence);
          String role = Dataset.fromUser(sequence) ? "user" : "assistant";
          bind(message, id, (long) sequence, owner, role, content, at(plan, sequence)).addBatch();
          for (String each : words(content)) {
            bind(word, id, (long) sequence, each, owner).addBatch();
          }
        }
        message.executeBatch();
        word.executeBatch();
        connection.commit();
      }
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    return statement;
  }

  private static OffsetDateTime at(Dataset.Plan plan, int sequence) {
    return OffsetDateTime.ofInstant(Dataset.createdAt(plan, sequence), ZoneOffset.UTC);
  }

  @Override
  public void append(Dataset.Plan plan, int n) {
    String content = Dataset.appended(n);
    try (PreparedStatement sequence = connection.prepareStatement("SELECT last_seq FROM FINAL TABLE"
            + " (UPDATE raw_conversations SET last_seq = last_seq + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ?)");
        PreparedStatement message = connection.prepareStatement(
            "INSERT INTO raw_messages VALUES (?, ?, ?, 'user', ?, CURRENT_TIMESTAMP)");
        PreparedStatement word = connection.prepareStatement("INSERT INTO raw_words VALUES (?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      long last;
      try (ResultSet taken = bind(sequence, plan.id().value()).executeQuery()) {
        taken.next();
        last = taken.getLong(1);
      }
      bind(message, plan.id().value(), last, plan.owner().value(), content).executeUpdate();
      for (String each : words(content)) {
        bind(word, plan.id().value(), last, each, plan.owner().value()).executeUpdate();
      }
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int history(Dataset.Plan plan) {
    // The owner's check is part of the job: another user's conversation must show nothing.
    return RawQueries.count(connection, "SELECT seq, role, content, created_at FROM raw_messages"
        + " WHERE conversation_id = ? AND owner = ? ORDER BY conversation_id DESC, seq DESC LIMIT 20",
        plan.id().value(), plan.owner().value());
  }

  @Override
  public int list(UserId owner) {
    return RawQueries.count(connection, "SELECT id, updated_at, last_seq FROM raw_conversations WHERE owner = ?"
        + " ORDER BY owner DESC, updated_at DESC LIMIT 20", owner.value());
  }

  @Override
  public int search(UserId owner, String query) {
    String[] words = words(query);
    StringBuilder sql = new StringBuilder("SELECT m.content, m.created_at FROM raw_words w JOIN raw_messages m"
        + " ON m.conversation_id = w.conversation_id AND m.seq = w.seq WHERE w.owner = ? AND w.word = ?");
    for (int i = 1; i < words.length; i++) {
      sql.append(" AND EXISTS (SELECT 1 FROM raw_words o WHERE o.conversation_id = m.conversation_id AND o.seq = m.seq"
          + " AND o.word = ?)");
    }
    Object[] parameters = new Object[words.length + 1];
    parameters[0] = owner.value();
    System.arraycopy(words, 0, parameters, 1, words.length);
    return RawQueries.count(connection, sql.append(" ORDER BY m.created_at DESC LIMIT 20").toString(), parameters);
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
