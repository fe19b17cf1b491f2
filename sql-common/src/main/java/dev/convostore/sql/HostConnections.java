package dev.convostore.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The connections of a {@link DataSource} the host application owns, as a store borrows them: in
 * the auto-commit mode (and schema) the store needs, and handed back (closed) with the auto-commit
 * mode, schema, isolation and read-only flag they came with, whatever pool (or none) the host uses.
 * The store neither pools nor closes the host's source.
 */
public final class HostConnections extends PreparedConnections {

  private final boolean autoCommit;
  private final Optional<String> schema;

  private HostConnections(DataSource host, boolean autoCommit, Optional<String> schema) {
    super(host);
    this.autoCommit = autoCommit;
    this.schema = schema;
  }

  /** The host's connections, each set to {@code autoCommit} while the store holds it. */
  public static DataSource of(DataSource host, boolean autoCommit) {
    return new HostConnections(host, autoCommit, Optional.empty());
  }

  /**
   * The host's connections, each set to {@code autoCommit} and, when given, to {@code schema}
   * while the store holds it.
   */
  public static DataSource of(DataSource host, boolean autoCommit, Optional<String> schema) {
    return new HostConnections(host, autoCommit, schema);
  }

  /**
   * Creates {@code schema} in the host's database unless it exists (a name {@link
   * SqlStorageProvider} has checked, quoted as the drivers quote it when they switch to it).
   *
   * @param translate how the adapter reports a failure
   */
  public static void createSchema(
      DataSource host, String schema, Function<Throwable, ? extends RuntimeException> translate) {
    try (Connection connection = host.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException failed) {
      throw translate.apply(failed);
    }
  }

  @Override
  protected Connection prepare(Connection connection) throws SQLException {
    Borrowed borrowed = new Borrowed(connection);
    borrowed.setAutoCommit(autoCommit);
    if (schema.isPresent()) {
      borrowed.setSchema(schema.get());
    }
    return (Connection) Proxy.newProxyInstance(
        HostConnections.class.getClassLoader(), new Class<?>[] {Connection.class}, borrowed);
  }

  /** A borrowed connection: what the store changed is set back before it goes back to the host. */
  private static final class Borrowed implements InvocationHandler {

    private final Connection connection;
    private final boolean autoCommit;
    private Integer isolation;
    private Boolean readOnly;
    private String schemaBefore;
    private boolean closed;

    Borrowed(Connection connection) throws SQLException {
      this.connection = connection;
      this.autoCommit = connection.getAutoCommit();
    }

    void setAutoCommit(boolean value) throws SQLException {
      if (connection.getAutoCommit() != value) {
        connection.setAutoCommit(value);
      }
    }

    void setSchema(String value) throws SQLException {
      schemaBefore = connection.getSchema();
      connection.setSchema(value);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      switch (method.getName()) {
        case "setTransactionIsolation":
          if (isolation == null) {
            isolation = connection.getTransactionIsolation();
          }
          break;
        case "setReadOnly":
          if (readOnly == null) {
            readOnly = connection.isReadOnly();
          }
          break;
        case "isClosed":
          if (closed) {
            return true;
          }
          break;
        case "close":
          giveBack();
          return null;
        default:
          break;
      }
      try {
        return method.invoke(connection, arguments);
      } catch (InvocationTargetException failed) {
        throw failed.getCause();
      }
    }

    private void giveBack() throws SQLException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (!connection.isClosed()) {
          setAutoCommit(autoCommit);
          if (isolation != null) {
            connection.setTransactionIsolation(isolation);
          }
          if (readOnly != null) {
            connection.setReadOnly(readOnly);
          }
          if (schemaBefore != null) {
            connection.setSchema(schemaBefore);
          }
        }
      } finally {
        connection.close();
      }
    }
  }
}
