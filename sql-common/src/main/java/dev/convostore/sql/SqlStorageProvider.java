package dev.convostore.sql;

import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.domain.ValidationException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQL adapter's provider: it opens stores for URLs with its scheme, from the adapter's own
 * settings read out of the store's, or over a {@link DataSource} the host application owns.
 *
 * @param <S> the adapter's settings
 */
public abstract class SqlStorageProvider<S> implements StorageProvider {

  private static final Logger LOG = LoggerFactory.getLogger(SqlStorageProvider.class);

  private final String name;
  private final String scheme;
  private final Function<StoreSettings, S> settings;
  private final Function<S, SqlStorage> open;
  private final Function<S, SchemaVersions> versions;
  private final BiFunction<DataSource, StoreSettings, SqlStorage> openOver;
  private final Set<String> hostSettings;

  /**
   * @param name the adapter's short name
   * @param scheme the start of the URLs it takes, such as {@code jdbc:h2:}
   * @param settings reads (and checks) the adapter's settings
   * @param open opens the storage, bringing its schema up to date unless the settings say not to
   * @param versions the database's schema versions, over connections of their own
   * @param openOver opens the storage over the host's connections ({@link HostConnections}), bringing
   *     its schema up to date unless {@link #migrateOnOpen} says not to
   */
  protected SqlStorageProvider(String name, String scheme, Function<StoreSettings, S> settings,
      Function<S, SqlStorage> open, Function<S, SchemaVersions> versions,
      BiFunction<DataSource, StoreSettings, SqlStorage> openOver) {
    this(name, scheme, settings, open, versions, openOver, Set.of());
  }

  /**
   * As the other constructor, for an adapter that reads more settings than {@link
   * SqlSettings#MIGRATE_ON_OPEN} and {@link SqlSettings#SCHEMA} over the host's DataSource.
   */
  protected SqlStorageProvider(String name, String scheme, Function<StoreSettings, S> settings,
      Function<S, SqlStorage> open, Function<S, SchemaVersions> versions,
      BiFunction<DataSource, StoreSettings, SqlStorage> openOver, Set<String> moreHostSettings) {
    this.hostSettings = Stream.concat(Stream.of(SqlSettings.MIGRATE_ON_OPEN, SqlSettings.SCHEMA),
        moreHostSettings.stream()).collect(Collectors.toUnmodifiableSet());
    this.name = name;
    this.scheme = scheme;
    this.settings = settings;
    this.open = open;
    this.versions = versions;
    this.openOver = openOver;
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
    return opened(open.apply(this.settings.apply(settings)), settings, "");
  }

  /**
   * Over the host's {@link DataSource}, the host's pool decides the pool's size, timeouts and
   * credentials: the settings are {@link SqlSettings#MIGRATE_ON_OPEN}, {@link SqlSettings#SCHEMA}
   * and those the adapter adds.
   */
  @Override
  public final Storage openOver(Object hostConnections, StoreSettings settings) {
    if (!(hostConnections instanceof DataSource dataSource)) {
      throw new ValidationException("dataSource", "must be a javax.sql.DataSource");
    }
    settings.requireKnownKeys(name + " (over the host's DataSource)", hostSettings);
    return opened(openOver.apply(dataSource, settings), settings, " over the host's DataSource");
  }

  private SqlStorage opened(SqlStorage storage, StoreSettings settings, String how) {
    LOG.info("Opened a convostore {} store at {}{}, schema version {}",
        name, StoreSettings.withoutSecrets(settings.url()), how, storage.schemaVersion());
    return storage;
  }

  /** Whether opening over the host's DataSource applies pending migrations. */
  protected static boolean migrateOnOpen(StoreSettings settings) {
    return settings.booleanProperty(SqlSettings.MIGRATE_ON_OPEN, true);
  }

  /** The schema the tables go in over the host's DataSource, if one is set: a plain SQL name. */
  protected static Optional<String> schema(StoreSettings settings) {
    Optional<String> schema = settings.property(SqlSettings.SCHEMA).map(String::strip);
    if (schema.isPresent() && !SQL_NAME.matcher(schema.get()).matches()) {
      throw new ValidationException(SqlSettings.SCHEMA, "must be a name of letters, digits and underscores that "
          + "starts with a letter or underscore, at most 63 characters, not '" + schema.get() + "'");
    }
    return schema;
  }

  private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  @Override
  public final Optional<SchemaMigrations> migrations(StoreSettings settings) {
    return Optional.of(versions.apply(this.settings.apply(settings)));
  }
}
