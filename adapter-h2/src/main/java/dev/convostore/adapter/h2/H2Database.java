package dev.convostore.adapter.h2;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.sql.HostConnections;
import dev.convostore.sql.MyBatisSetup;
import dev.convostore.sql.PooledSqlDatabase;
import dev.convostore.sql.SchemaVersions;
import dev.convostore.sql.StandardCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One H2 database behind a HikariCP pool. H2 locks the rows a transaction changes until it ends,
 * so concurrent appenders queue at their conversation's row as on PostgreSQL. An in-memory
 * database lives while a connection to it is open: the store keeps one open from before its
 * migrations until it closes, so the database is the same for every pooled connection and goes
 * with the store.
 */
final class H2Database {

  private H2Database() {}

  static PooledSqlDatabase open(H2Settings settings) {
    DataSource direct = direct(settings);
    Connection keeper = settings.inMemory() ? connect(direct) : null;
    try {
      String schemaVersion = versions(direct).prepare(settings.migrateOnOpen());
      HikariDataSource pool = pool(settings);
      return PooledSqlDatabase.over(pool, () -> {
        pool.close();
        if (keeper != null) {
          keeper.close();
        }
      }, configuration(pool), H2Errors::translate, schemaVersion);
    } catch (RuntimeException failed) {
      close(keeper, failed);
      throw H2Errors.translate(failed);
    }
  }

  /** Over the host's connections: the host's pool sets the lock timeout, and the database lives as long as the host keeps it. */
  static PooledSqlDatabase openOver(DataSource host, boolean migrateOnOpen, Optional<String> schema) {
    if (migrateOnOpen && schema.isPresent()) {
      HostConnections.createSchema(host, schema.get(), H2Errors::translate);
    }
    String schemaVersion = versions(HostConnections.of(host, true, schema)).prepare(migrateOnOpen);
    DataSource connections = HostConnections.of(host, false, schema);
    return PooledSqlDatabase.over(connections, () -> { }, configuration(connections), H2Errors::translate, schemaVersion);
  }

  /** The schema's migrations and undo scripts. */
  static SchemaVersions versions(DataSource dataSource) {
    return new SchemaVersions(dataSource, "h2", H2Errors::translate);
  }

  /** Unpooled connections, for migrations. */
  static DataSource direct(H2Settings settings) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(settings.url());
    dataSource.setUser(settings.username());
    dataSource.setPassword(settings.password());
    return dataSource;
  }

  private static Connection connect(DataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException failed) {
      throw H2Errors.translate(failed);
    }
  }

  private static void close(Connection keeper, RuntimeException failed) {
    if (keeper != null) {
      try {
        keeper.close();
      } catch (SQLException alsoFailed) {
        failed.addSuppressed(alsoFailed);
      }
    }
  }

  private static HikariDataSource pool(H2Settings settings) {
    HikariConfig config = PooledSqlDatabase.poolConfig("convostore-h2", settings.poolSize(),
        settings.connectionTimeoutMillis(), false, settings.poolMetrics());
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setConnectionInitSql("SET LOCK_TIMEOUT " + settings.lockTimeoutMillis());
    return PooledSqlDatabase.openPool(config, H2Errors::translate);
  }

  /** MyBatis, with the type handlers, the shared mapper files and H2's inserts of messages. */
  static Configuration configuration(DataSource dataSource) {
    return MyBatisSetup.configuration(dataSource, "h2", new StandardCodec(), List.of(), H2MessageInserts.class);
  }
}
