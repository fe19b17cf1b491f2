package dev.convostore.sql;

import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import java.util.Optional;
import java.util.function.Function;

/**
 * A SQL adapter's provider: it opens stores for URLs with its scheme, from the adapter's own
 * settings read out of the store's.
 *
 * @param <S> the adapter's settings
 */
public abstract class SqlStorageProvider<S> implements StorageProvider {

  private final String name;
  private final String scheme;
  private final Function<StoreSettings, S> settings;
  private final Function<S, Storage> open;
  private final Function<S, SchemaVersions> versions;

  /**
   * @param name the adapter's short name
   * @param scheme the start of the URLs it takes, such as {@code jdbc:h2:}
   * @param settings reads (and checks) the adapter's settings
   * @param open opens the storage, bringing its schema up to date unless the settings say not to
   * @param versions the database's schema versions, over connections of their own
   */
  protected SqlStorageProvider(String name, String scheme, Function<StoreSettings, S> settings,
      Function<S, Storage> open, Function<S, SchemaVersions> versions) {
    this.name = name;
    this.scheme = scheme;
    this.settings = settings;
    this.open = open;
    this.versions = versions;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean accepts(String url) {
    return url.startsWith(scheme);
  }

  @Override
  public final Storage open(StoreSettings settings) {
    return open.apply(this.settings.apply(settings));
  }

  @Override
  public final Optional<SchemaMigrations> migrations(StoreSettings settings) {
    return Optional.of(versions.apply(this.settings.apply(settings)));
  }
}
