package dev.convostore.adapter.postgres;

import dev.convostore.sql.SqlStorage;
import dev.convostore.sql.SqlStorageProvider;
import java.util.Set;

/**
 * Opens PostgreSQL stores for {@code jdbc:postgresql://...} URLs. Opening applies pending
 * migrations unless {@code convostore.migrate-on-open=false}; the other settings are {@code
 * convostore.username}, {@code convostore.password}, {@code convostore.pool-size} (default 10),
 * {@code convostore.connection-timeout-ms} (default 30000) and {@code
 * convostore.statement-timeout-ms} (default 30000). {@code convostore.distribute=citus} distributes
 * the tables by conversation over the Citus cluster whose coordinator the URL names. Over a host's
 * DataSource, the host's pool sets credentials, sizes and timeouts (a statement timeout too, if
 * wanted); the migration and distribution settings still apply.
 */
public final class PostgresStorageProvider extends SqlStorageProvider<PostgresSettings> {

  public PostgresStorageProvider() {
    super("postgres", PostgresSettings.SCHEME, PostgresSettings::from,
        settings -> new SqlStorage(PostgresDatabase.open(settings), PostgresMessages::new, PostgresMessages::insert),
        settings -> PostgresDatabase.versions(PostgresDatabase.direct(settings), settings.placement()),
        (host, settings) -> new SqlStorage(PostgresDatabase.openOver(host, migrateOnOpen(settings), schema(settings),
            PostgresSettings.placement(settings)), PostgresMessages::new, PostgresMessages::insert),
        Set.of(PostgresSettings.DISTRIBUTE));
  }
}
