package dev.convostore.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host's connections come back as they were lent, even from a source that resets nothing: here
 * one H2 connection lent again and again, whose {@code close} only counts.
 */
class HostConnectionsTest {

  private Connection physical;
  private final AtomicInteger givenBack = new AtomicInteger();
  private DataSource host;

  @BeforeEach
  void lendOneConnection() throws SQLException {
    physical = DriverManager.getConnection("jdbc:h2:mem:");
    Connection lent = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("close")) {
            givenBack.incrementAndGet();
            return null;
          }
          try {
            return method.invoke(physical, arguments);
          } catch (InvocationTargetException failed) {
            throw failed.getCause();
          }
        });
    host = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("getConnection")) {
            return lent;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @AfterEach
  void closePhysical() throws SQLException {
    physical.close();
  }

  @Test
  void aBorrowedConnectionIsInTheModeAskedForAndGoesBackAsItCame() throws SQLException {
    physical.setAutoCommit(true);
    int isolation = physical.getTransactionIsolation();
    try (Connection borrowed = HostConnections.of(host, false).getConnection()) {
      assertFalse(borrowed.getAutoCommit());
      borrowed.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      borrowed.setReadOnly(true);
    }
    assertTrue(physical.getAutoCommit());
    assertEquals(isolation, physical.getTransactionIsolation());
    assertFalse(physical.isReadOnly());
    assertEquals(1, givenBack.get());
  }

  @Test
  void aConnectionLentForASchemaGoesBackToItsOwn() throws SQLException {
    HostConnections.createSchema(host, "chat", IllegalStateException::new);
    try (Connection borrowed = HostConnections.of(host, true, Optional.of("chat")).getConnection()) {
      assertEquals("chat", borrowed.getSchema());
    }
    assertEquals("PUBLIC", physical.getSchema());
  }

  @Test
  void closingTwiceGivesBackOnce() throws SQLException {
    physical.setAutoCommit(false);
    Connection borrowed = HostConnections.of(host, true).getConnection();
    assertTrue(borrowed.getAutoCommit());
    borrowed.close();
    borrowed.close();
    assertTrue(borrowed.isClosed());
    assertFalse(physical.getAutoCommit());
    assertEquals(1, givenBack.get());
  }
}
