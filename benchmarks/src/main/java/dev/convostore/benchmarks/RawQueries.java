package dev.convostore.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The raw floor's reads: prepare, bind, and read every column of every row, as a minimal JDBC
 * caller that hands the rows on would (convostore hands on whole messages).
 */
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
        int columns = results.getMetaData().getColumnCount();
        while (results.next()) {
          for (int column = 1; column <= columns; column++) {
            results.getObject(column);
          }
          rows++;
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
