package dev.convostore.adapter.sqlite;

import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.sql.SqlStorage;
import java.util.Optional;

/**
 * Opens SQLite stores for {@code jdbc:sqlite:PATH} URLs. Opening applies pending migrations
 * unless {@code convostore.migrate-on-open=false}; the other settings are {@code
 * convostore.pool-size} (reader connections, default 4), {@code convostore.connection-timeout-ms}
 * (default 30000) and {@code convostore.busy-timeout-ms} (default 5000).
 */
public final class SqliteStorageProvider implements StorageProvider {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean accepts(String url) {
    return url.startsWith(SqliteSettings.SCHEME);
  }

  @Override
  public Storage open(StoreSettings settings) {
    return open(SqliteSettings.from(settings));
  }

  @Override
  public Optional<SchemaMigrations> migrations(StoreSettings settings) {
    return Optional.of(SqliteSchema.versions(SqliteDatabase.migrationDataSource(SqliteSettings.from(settings))));
  }

  static Storage open(SqliteSettings settings) {
    SqliteDatabase database = SqliteDatabase.open(settings);
    return new SqlStorage(database, new SqliteMessages(database), SqliteMessages::insert);
  }
}
