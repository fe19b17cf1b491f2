package dev.convostore.adapter.sqlite;

import dev.convostore.domain.ValidationException;
import dev.convostore.sql.SqlSettings;
import dev.convostore.sql.SqlStorage;
import dev.convostore.sql.SqlStorageProvider;

/**
 * Opens SQLite stores for {@code jdbc:sqlite:PATH} URLs. Opening applies pending migrations
 * unless {@code convostore.migrate-on-open=false}; the other settings are {@code
 * convostore.pool-size} (reader connections, default 4), {@code convostore.connection-timeout-ms}
 * (default 30000) and {@code convostore.busy-timeout-ms} (default 5000). Over a host's DataSource,
 * the host's pool sets the busy timeout and the journal mode (WAL recommended, so that reads run
 * beside a write); convostore turns on foreign-key enforcement on the connections it borrows.
 */
public final class SqliteStorageProvider extends SqlStorageProvider<SqliteSettings> {

  public SqliteStorageProvider() {
    super("sqlite", SqliteSettings.SCHEME, SqliteSettings::from,
        settings -> new SqlStorage(SqliteDatabase.open(settings), SqliteMessages::new, SqliteMessages::insert),
        settings -> SqliteSchema.versions(SqliteDatabase.migrationDataSource(settings)),
        (host, settings) -> {
          SqliteSettings.fileUrl(settings); // a pool's in-memory databases are one per connection
          if (schema(settings).isPresent()) {
            throw new ValidationException(SqlSettings.SCHEMA, "is not a setting of SQLite, which has no schemas");
          }
          return new SqlStorage(SqliteDatabase.openOver(host, migrateOnOpen(settings)), SqliteMessages::new,
              SqliteMessages::insert);
        });
  }
}
