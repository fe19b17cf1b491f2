package dev.convostore.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The raw floor's reads: prepare, bind, read every row, as a minimal JDBC caller would. */
final class RawQueries {

  private RawQueries() {}

  /** Runs the query and returns how many rows it read. */
  static int count(Connection connection, String sql, Object... parameters) {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      int rows = 0;
      try (ResultSet results = query.executeQuery()) {
        while (results.next()) {
          results.getObject(1);
          rows++;
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
