package dev.convostore.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The floor: the least JDBC that stores and reads a conversation's messages. A table keyed by
 * conversation and sequence, the sequence known to the caller; an append is one autocommit
 * INSERT of the message row; a read selects the last 20 rows and reads every column.
 */
final class FloorJdbc implements AutoCloseable {

  /** How a database spells the table and binds its ids and times. */
  enum Dialect {
    SQLITE("BLOB", "INTEGER", "TEXT", " WITHOUT ROWID"),
    POSTGRESQL("uuid", "timestamptz", "text", ""),
    H2("UUID", "TIMESTAMP WITH TIME ZONE", "CHARACTER VARYING", "");

    private final String uuidType;
    private final String timeType;
    private final String textType;
    private final String tableOptions;

    Dialect(String uuidType, String timeType, String textType, String tableOptions) {
      this.uuidType = uuidType;
      this.timeType = timeType;
      this.textType = textType;
      this.tableOptions = tableOptions;
    }

    String schema() {
      return "CREATE TABLE floor_messages (conversation_id " + uuidType + " NOT NULL, seq BIGINT NOT NULL,"
          + " role " + textType + " NOT NULL, content " + textType + " NOT NULL, created_at " + timeType + " NOT NULL,"
          + " PRIMARY KEY (conversation_id, seq))" + tableOptions;
    }

    void bindId(PreparedStatement statement, int index, UUID id) throws SQLException {
      if (this == SQLITE) {
        byte[] bytes = new byte[16];
        java.nio.ByteBuffer.wrap(bytes).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        statement.setBytes(index, bytes);
      } else {
        statement.setObject(index, id);
      }
    }

    void bindTime(PreparedStatement statement, int index, Instant at) throws SQLException {
      if (this == SQLITE) {
        statement.setLong(index, at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000);
      } else {
        statement.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      }
    }
  }

  /** A message row. */
  record Row(long sequence, String role, String content) {}

  private static final String INSERT =
      "INSERT INTO floor_messages (conversation_id, seq, role, content, created_at) VALUES (?, ?, ?, ?, ?)";
  private static final String LAST =
      "SELECT seq, role, content, created_at FROM floor_messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?";

  private final HikariDataSource pool;
  private final Dialect dialect;

  FloorJdbc(HikariDataSource pool, Dialect dialect) throws SQLException {
    this.pool = pool;
    this.dialect = dialect;
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(dialect.schema());
    }
  }

  /** One autocommit INSERT. */
  void insert(UUID conversation, Row row) {
    try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, conversation, row);
      insert.executeUpdate();
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  /** Rows in one transaction, as one JDBC batch. */
  void insertAll(UUID conversation, List<Row> rows) {
    try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
      connection.setAutoCommit(false);
      try {
        for (Row row : rows) {
          bind(insert, conversation, row);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  /** The last {@code limit} rows, every column read; returns how many. */
  int last(UUID conversation, int limit) {
    try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(LAST)) {
      dialect.bindId(select, 1, conversation);
      select.setInt(2, limit);
      int read = 0;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          rows.getLong(1);
          rows.getString(2);
          rows.getString(3);
          rows.getObject(4);
          read++;
        }
      }
      return read;
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  private void bind(PreparedStatement insert, UUID conversation, Row row) throws SQLException {
    dialect.bindId(insert, 1, conversation);
    insert.setLong(2, row.sequence());
    insert.setString(3, row.role());
    insert.setString(4, row.content());
    dialect.bindTime(insert, 5, Instant.now());
  }

  @Override
  public void close() {
    pool.close();
  }
}
