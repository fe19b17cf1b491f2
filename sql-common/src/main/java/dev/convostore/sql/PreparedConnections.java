package dev.convostore.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of another {@link DataSource}, each prepared by the subclass before it is handed
 * out; a connection that cannot be prepared is closed. Everything else is the other source's.
 */
public abstract class PreparedConnections implements DataSource {

  private final DataSource source;

  /** Hands out the connections of {@code source}. */
  protected PreparedConnections(DataSource source) {
    this.source = source;
  }

  /** The connection as the store uses it: {@code connection} itself or a wrapper of it. */
  protected abstract Connection prepare(Connection connection) throws SQLException;

  @Override
  public final Connection getConnection() throws SQLException {
    return prepared(source.getConnection());
  }

  @Override
  public final Connection getConnection(String username, String password) throws SQLException {
    return prepared(source.getConnection(username, password));
  }

  private Connection prepared(Connection connection) throws SQLException {
    try {
      return prepare(connection);
    } catch (SQLException | RuntimeException failed) {
      connection.close();
      throw failed;
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return source.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    source.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    source.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return source.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return source.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return source.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return source.isWrapperFor(type);
  }
}
