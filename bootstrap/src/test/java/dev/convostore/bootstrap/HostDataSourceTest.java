package dev.convostore.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/** A store kept in the database of a DataSource the host owns, found from its connections' metadata. */
class HostDataSourceTest {

  private static final UserId ALICE = UserId.of("alice");

  private static HikariDataSource hostPool(String url, boolean autoCommit) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(3);
    config.setAutoCommit(autoCommit);
    return new HikariDataSource(config);
  }

  /** Stores and reads through the store, closes it, and checks the host's pool is open and unchanged. */
  private static void storesAndLeavesThePoolAsItWas(HikariDataSource pool, String adapter) throws SQLException {
    ConversationId id;
    try (ConvoStore store = ConvoStore.open(pool, new Properties())) {
      assertEquals(adapter, store.adapter());
      id = store.conversations().start(StartConversation.by(ALICE)).id();
      store.messages().append(ALICE, id, NewMessage.user("kept in the host's database"));
      try (var exported = store.transfer().export(ALICE)) { // a snapshot read: isolation and read-only change
        assertEquals(1, exported.count());
      }
    }
    assertFalse(pool.isClosed(), "closing the store leaves the host's pool open");
    try (Connection connection = pool.getConnection()) {
      assertEquals(pool.isAutoCommit(), connection.getAutoCommit());
      assertFalse(connection.isReadOnly());
    }
    try (ConvoStore again = ConvoStore.open(pool, TestProperties.of("convostore.migrate-on-open", "false"))) {
      assertEquals("kept in the host's database",
          again.history().history(ALICE, id, HistoryRequest.last(1)).get(0).content());
    }
  }

  @Test
  void sqliteFileOfTheHostsPool(@TempDir Path folder) throws SQLException {
    try (HikariDataSource pool = hostPool("jdbc:sqlite:" + folder.resolve("host.db"), true)) {
      storesAndLeavesThePoolAsItWas(pool, "sqlite");
    }
  }

  @Test
  void h2DatabaseOfTheHostsPool() throws SQLException {
    try (HikariDataSource pool = hostPool("jdbc:h2:mem:host-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", false)) {
      storesAndLeavesThePoolAsItWas(pool, "h2");
    }
  }

  @Test
  void postgresDatabaseOfTheHostsPool() throws SQLException, IOException {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        HikariDataSource pool = hostPool(server.getJdbcUrl("postgres", "postgres"), true)) {
      storesAndLeavesThePoolAsItWas(pool, "postgres");

      try (ConvoStore inItsSchema = ConvoStore.open(pool, TestProperties.of("convostore.schema", "chat"))) {
        ConversationId id = inItsSchema.conversations().start(StartConversation.by(ALICE)).id();
        inItsSchema.messages().append(ALICE, id, NewMessage.user("in the schema chat"));
        assertEquals(1, inItsSchema.history().history(ALICE, id, HistoryRequest.last(5)).size());
      }
      assertEquals(1, count(pool, "SELECT count(*) FROM chat.messages"));
      assertEquals(1, count(pool, "SELECT count(*) FROM public.messages"), "the store in public is apart");
      try (Connection connection = pool.getConnection()) {
        assertEquals("public", connection.getSchema());
      }
    }
  }

  private static long count(DataSource dataSource, String query) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Test
  void aSchemaNameIsCheckedAndSqliteHasNone(@TempDir Path folder) {
    try (HikariDataSource pool = hostPool("jdbc:sqlite:" + folder.resolve("host.db"), true)) {
      ValidationException sqlite = assertThrows(ValidationException.class,
          () -> ConvoStore.open(pool, TestProperties.of("convostore.schema", "chat")));
      assertEquals("convostore.schema", sqlite.field());
      ValidationException injected = assertThrows(ValidationException.class,
          () -> ConvoStore.open(pool, TestProperties.of("convostore.schema", "chat\"; DROP TABLE x; --")));
      assertEquals("convostore.schema", injected.field());
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsRefusedWhenMigrationsAreOff() {
    JdbcDataSource host = new JdbcDataSource();
    host.setURL("jdbc:h2:mem:empty-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    StoreFailureException error = assertThrows(StoreFailureException.class,
        () -> ConvoStore.open(host, TestProperties.of("convostore.migrate-on-open", "false")));
    assertEquals(StoreFailureException.Kind.SCHEMA_MISMATCH, error.kind());
  }

  @Test
  void theUrlAndThePoolsSettingsBelongToTheHost(@TempDir Path folder) {
    try (HikariDataSource pool = hostPool("jdbc:sqlite:" + folder.resolve("host.db"), true)) {
      ValidationException url = assertThrows(ValidationException.class,
          () -> ConvoStore.open(pool, TestProperties.of("convostore.url", "jdbc:sqlite:other.db")));
      assertEquals("convostore.url", url.field());
      ValidationException poolSize = assertThrows(ValidationException.class,
          () -> ConvoStore.open(pool, TestProperties.of("convostore.pool-size", "5")));
      assertEquals("convostore.pool-size", poolSize.field());
    }
  }

  @Test
  void aSourceWithoutConnectionsIsATypedFailure() {
    DataSource broken = new SQLiteDataSource() {
      private static final long serialVersionUID = 1L;

      @Override
      public SQLiteConnection getConnection() throws SQLException {
        throw new SQLException("connection refused: password=secret");
      }
    };
    StoreFailureException error = assertThrows(StoreFailureException.class, () -> ConvoStore.open(broken, new Properties()));
    assertEquals(StoreFailureException.Kind.UNAVAILABLE, error.kind());
    assertTrue(!error.getMessage().contains("secret"), error.getMessage());
  }
}
