package dev.convostore.adapter.h2;

import dev.convostore.sql.SqlStorage;
import dev.convostore.sql.SqlStorageProvider;

/**
 * Opens H2 stores for {@code jdbc:h2:file:PATH} and {@code jdbc:h2:mem:NAME} URLs, in H2's
 * native mode. Opening applies pending migrations unless {@code convostore.migrate-on-open=false};
 * the other settings are {@code convostore.username} (default {@code sa}), {@code
 * convostore.password} (default empty), {@code convostore.pool-size} (default 10), {@code
 * convostore.connection-timeout-ms} (default 30000) and {@code convostore.lock-timeout-ms}
 * (default 10000).
 */
public final class H2StorageProvider extends SqlStorageProvider<H2Settings> {

  public H2StorageProvider() {
    super("h2", H2Settings.SCHEME, H2Settings::from,
        settings -> new SqlStorage(H2Database.open(settings), H2Messages::new, H2Messages::insert),
        settings -> H2Database.versions(H2Database.direct(settings)),
        (host, settings) -> new SqlStorage(H2Database.openOver(host, migrateOnOpen(settings), schema(settings)),
            H2Messages::new, H2Messages::insert));
  }
}
