package dev.convostore.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.convostore.sql.HostConnections;
import dev.convostore.sql.MyBatisSetup;
import dev.convostore.sql.PooledSqlDatabase;
import dev.convostore.sql.SchemaVersions;
import dev.convostore.sql.SchemaVersions.Placement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL database behind a HikariCP pool, as a {@link PooledSqlDatabase}: transactions run
 * at READ COMMITTED, reads of a whole conversation at REPEATABLE READ.
 */
final class PostgresDatabase {

  private PostgresDatabase() {}

  /**
   * Brings the schema up to date (or checks it, when migrations are off) over connections of its
   * own, since Flyway may hold two at once, then opens the pool.
   */
  static PooledSqlDatabase open(PostgresSettings settings) {
    String schemaVersion = versions(direct(settings), settings.placement()).prepare(settings.migrateOnOpen());
    HikariDataSource pool = pool(settings);
    return PooledSqlDatabase.over(pool, pool, configuration(pool), PostgresErrors::translate, schemaVersion);
  }

  /**
   * Over the host's connections: migrations (unless switched off) through the host's source,
   * which must then lend two connections at once, as Flyway may hold two.
   */
  static PooledSqlDatabase openOver(
      DataSource host, boolean migrateOnOpen, Optional<String> schema, Placement placement) {
    if (migrateOnOpen && schema.isPresent()) {
      HostConnections.createSchema(host, schema.get(), PostgresErrors::translate);
    }
    String schemaVersion = versions(HostConnections.of(host, true, schema), placement).prepare(migrateOnOpen);
    DataSource connections = HostConnections.of(host, false, schema);
    return PooledSqlDatabase.over(
        connections, () -> { }, configuration(connections), PostgresErrors::translate, schemaVersion);
  }

  /** The schema's migrations and undo scripts, in the connection's current schema, with the tables placed as given. */
  static SchemaVersions versions(DataSource dataSource, Placement placement) {
    return new SchemaVersions(dataSource, "postgres", placement, PostgresErrors::translate);
  }

  /** Unpooled connections, which give up connecting after the connection timeout. */
  static DataSource direct(PostgresSettings settings) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(settings.url());
    settings.username().ifPresent(dataSource::setUser);
    settings.password().ifPresent(dataSource::setPassword);
    int seconds = Math.max(1, settings.connectionTimeoutMillis() / 1000);
    dataSource.setConnectTimeout(seconds);
    dataSource.setLoginTimeout(seconds);
    dataSource.setApplicationName("convostore");
    return dataSource;
  }

  private static HikariDataSource pool(PostgresSettings settings) {
    HikariConfig config = PooledSqlDatabase.poolConfig(
        "convostore-postgres", settings.poolSize(), settings.connectionTimeoutMillis(), false, settings.poolMetrics());
    config.setJdbcUrl(settings.url());
    settings.username().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    // The server cancels a statement that runs too long; the driver gives up on a dead socket.
    config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeoutMillis());
    config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(
        60, (settings.statementTimeoutMillis() + settings.connectionTimeoutMillis()) / 1000 + 10)));
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "convostore");
    return PooledSqlDatabase.openPool(config, PostgresErrors::translate);
  }

  /**
   * MyBatis, with the type handlers, the shared mapper files and PostgreSQL's inserts of messages;
   * searches planned per call ({@link SearchPlannedPerCall}).
   */
  static Configuration configuration(DataSource dataSource) {
    Configuration configuration = MyBatisSetup.configuration(dataSource, "postgresql", new PostgresTypes(),
        List.of(new PostgresTypes.TextArrays()), PostgresMessageInserts.class);
    configuration.addInterceptor(new SearchPlannedPerCall());
    return configuration;
  }
}
