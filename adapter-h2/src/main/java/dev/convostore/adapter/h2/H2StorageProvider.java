package dev.convostore.adapter.h2;

import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.sql.PooledSqlDatabase;
import dev.convostore.sql.SqlStorage;
import java.util.Optional;

/**
 * Opens H2 stores for {@code jdbc:h2:file:PATH} and {@code jdbc:h2:mem:NAME} URLs, in H2's
 * native mode. Opening applies pending migrations unless {@code convostore.migrate-on-open=false};
 * the other settings are {@code convostore.username} (default {@code sa}), {@code
 * convostore.password} (default empty), {@code convostore.pool-size} (default 10), {@code
 * convostore.connection-timeout-ms} (default 30000) and {@code convostore.lock-timeout-ms}
 * (default 10000).
 */
public final class H2StorageProvider implements StorageProvider {

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public boolean accepts(String url) {
    return url.startsWith(H2Settings.SCHEME);
  }

  @Override
  public Storage open(StoreSettings settings) {
    return open(H2Settings.from(settings));
  }

  @Override
  public Optional<SchemaMigrations> migrations(StoreSettings settings) {
    return Optional.of(H2Schema.versions(H2Database.direct(H2Settings.from(settings))));
  }

  static Storage open(H2Settings settings) {
    PooledSqlDatabase database = H2Database.open(settings);
    return new SqlStorage(database, new H2Messages(database), H2Messages::insert);
  }
}
