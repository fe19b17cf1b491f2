package dev.convostore.adapter.postgres;

import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.sql.SchemaVersions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tables distributed over a Citus cluster by conversation: conversations by id, every other
 * table by its conversation id, all co-located, so that everything one conversation owns lives on
 * one shard and conversation-scoped calls are routed to it. The schema allows it: every key
 * includes the conversation id and no table draws from a sequence.
 */
final class CitusDistribution implements SchemaVersions.Placement {

  /** A table and the column that holds its conversation id. */
  private record Table(String name, String column) {}

  /** The table the others are co-located with. */
  private static final Table CONVERSATIONS = new Table("conversations", "id");

  private static final List<Table> TABLES = List.of(CONVERSATIONS, new Table("messages", "conversation_id"),
      new Table("agent_states", "conversation_id"), new Table("context_items", "conversation_id"),
      new Table("message_feedback", "conversation_id"));

  /** Serialises distributing among stores opening at once (any constant apart from Flyway's lock). */
  private static final long LOCK = 0x636f6e766f444953L;

  @Override
  public void requirePossible(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      requireCitus(connection);
    }
  }

  @Override
  public void place(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (Statement lock = connection.createStatement()) {
        lock.execute("SELECT pg_advisory_lock(" + LOCK + ")");
      }
      try {
        for (Table table : TABLES) {
          if (distribution(connection, table).isEmpty()) {
            try (PreparedStatement distribute = connection.prepareStatement(
                "SELECT create_distributed_table(?::regclass, ?, colocate_with => ?)")) {
              distribute.setString(1, table.name());
              distribute.setString(2, table.column());
              distribute.setString(3, table == CONVERSATIONS ? "default" : CONVERSATIONS.name());
              distribute.execute();
            }
          }
        }
        requireDistributed(connection);
      } finally {
        try (Statement unlock = connection.createStatement()) {
          unlock.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        }
      }
    }
  }

  @Override
  public void require(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      requireCitus(connection);
      requireDistributed(connection);
    }
  }

  private static void requireCitus(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet result = query.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'citus'")) {
      result.next();
      if (result.getInt(1) == 0) {
        throw new StoreFailureException(Kind.UNSUPPORTED, PostgresSettings.DISTRIBUTE + "=citus, but the database"
            + " has no Citus extension: open the store on a Citus coordinator, or leave the setting out", null);
      }
    }
  }

  /** Fails naming every table that is not distributed by conversation, co-located with conversations. */
  private static void requireDistributed(Connection connection) throws SQLException {
    List<String> wrong = new ArrayList<>();
    Optional<Distributed> conversations = distribution(connection, CONVERSATIONS);
    for (Table table : TABLES) {
      Optional<Distributed> distributed = distribution(connection, table);
      if (distributed.isEmpty()) {
        wrong.add(table.name() + " is not distributed");
      } else if (!distributed.get().column().equals(table.column())) {
        wrong.add(table.name() + " is distributed by " + distributed.get().column() + ", not by " + table.column());
      } else if (conversations.isPresent() && distributed.get().colocationId() != conversations.get().colocationId()) {
        wrong.add(table.name() + " is not co-located with " + CONVERSATIONS.name());
      }
    }
    if (!wrong.isEmpty()) {
      throw new StoreFailureException(Kind.SCHEMA_MISMATCH, "with " + PostgresSettings.DISTRIBUTE + "=citus, "
          + String.join("; ", wrong) + ": open the store with migrations on, or run `convostore migrate distribute`",
          null);
    }
  }

  /** How a table is distributed: by which column, in which group of co-located tables. */
  private record Distributed(String column, long colocationId) {}

  /** The table's distribution on the cluster, if it is a hash-distributed table. */
  private static Optional<Distributed> distribution(Connection connection, Table table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT column_to_column_name(logicalrelid, partkey), colocationid FROM pg_dist_partition"
            + " WHERE logicalrelid = to_regclass(?) AND partmethod = 'h'")) {
      query.setString(1, table.name());
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? Optional.of(new Distributed(result.getString(1), result.getLong(2))) : Optional.empty();
      }
    }
  }
}
