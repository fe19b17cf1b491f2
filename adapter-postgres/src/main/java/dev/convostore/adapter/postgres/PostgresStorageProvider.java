package dev.convostore.adapter.postgres;

import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.sql.PooledSqlDatabase;
import dev.convostore.sql.SqlStorage;
import java.util.Optional;

/**
 * Opens PostgreSQL stores for {@code jdbc:postgresql://...} URLs. Opening applies pending
 * migrations unless {@code convostore.migrate-on-open=false}; the other settings are {@code
 * convostore.username}, {@code convostore.password}, {@code convostore.pool-size} (default 10),
 * {@code convostore.connection-timeout-ms} (default 30000) and {@code
 * convostore.statement-timeout-ms} (default 30000).
 */
public final class PostgresStorageProvider implements StorageProvider {

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public boolean accepts(String url) {
    return url.startsWith(PostgresSettings.SCHEME);
  }

  @Override
  public Storage open(StoreSettings settings) {
    return open(PostgresSettings.from(settings));
  }

  @Override
  public Optional<SchemaMigrations> migrations(StoreSettings settings) {
    return Optional.of(PostgresSchema.versions(PostgresDatabase.direct(PostgresSettings.from(settings))));
  }

  static Storage open(PostgresSettings settings) {
    PooledSqlDatabase database = PostgresDatabase.open(settings);
    return new SqlStorage(database, new PostgresMessages(database), PostgresMessages::insert);
  }
}
