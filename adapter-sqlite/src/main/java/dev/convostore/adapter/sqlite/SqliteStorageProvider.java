package dev.convostore.adapter.sqlite;

import dev.convostore.sql.SqlStorage;
import dev.convostore.sql.SqlStorageProvider;

/**
 * Opens SQLite stores for {@code jdbc:sqlite:PATH} URLs. Opening applies pending migrations
 * unless {@code convostore.migrate-on-open=false}; the other settings are {@code
 * convostore.pool-size} (reader connections, default 4), {@code convostore.connection-timeout-ms}
 * (default 30000) and {@code convostore.busy-timeout-ms} (default 5000).
 */
public final class SqliteStorageProvider extends SqlStorageProvider<SqliteSettings> {

  public SqliteStorageProvider() {
    super("sqlite", SqliteSettings.SCHEME, SqliteSettings::from,
        settings -> new SqlStorage(SqliteDatabase.open(settings), SqliteMessages::new, SqliteMessages::insert),
        settings -> SqliteSchema.versions(SqliteDatabase.migrationDataSource(settings)));
  }
}
