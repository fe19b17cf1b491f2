package dev.convostore.bootstrap;

import dev.convostore.application.port.in.ContextUseCase;
import dev.convostore.application.port.in.ConversationsUseCase;
import dev.convostore.application.port.in.HistoryUseCase;
import dev.convostore.application.port.in.MessagesUseCase;
import dev.convostore.application.port.in.RetentionUseCase;
import dev.convostore.application.port.in.TransferUseCase;
import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.ContentKeys;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ValidationException;
import dev.convostore.application.StoreFailureException;
import dev.convostore.application.StoreLimits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * An open store: every use case over one storage adapter. Open one per database when the host
 * application starts, share it between threads, and close it when the host stops.
 *
 * <pre>{@code
 * try (ConvoStore store = ConvoStore.open("memory:")) {
 *   Conversation c = store.conversations().start(StartConversation.by(UserId.of("alice")));
 *   store.messages().append(UserId.of("alice"), c.id(), NewMessage.user("Hello!"));
 * }
 * }</pre>
 */
public final class ConvoStore implements AutoCloseable {

  private final String adapter;
  private final Storage storage;
  private final UseCases useCases;

  private ConvoStore(String adapter, Storage storage, UseCases useCases) {
    this.adapter = adapter;
    this.storage = storage;
    this.useCases = useCases;
  }

  /** Opens the store at {@code url} with default settings, such as {@code memory:}. */
  public static ConvoStore open(String url) {
    Properties properties = new Properties();
    properties.setProperty(StoreConfig.URL, Checks.present("url", url));
    return open(properties);
  }

  /** Opens the store the properties describe (keys: see the README's configuration reference). */
  public static ConvoStore open(Properties properties) {
    return open(properties, Clock.systemUTC());
  }

  /**
   * Opens the store the properties describe, taking every timestamp from {@code clock} (tests of
   * retention and activity ordering control time this way).
   */
  public static ConvoStore open(Properties properties, Clock clock) {
    Checks.present("properties", properties);
    Checks.present("clock", clock);
    StoreSettings settings = settings(StoreConfig.url(properties), properties);
    StorageProvider provider = providerFor(settings.url());
    return assemble(provider.name(), () -> provider.open(settings), properties, clock);
  }

  /**
   * Opens the store in the database of a {@link DataSource} the host application owns, such as
   * its connection pool. convostore borrows connections from it for each call and gives them back
   * as it found them; it neither pools nor closes the source (closing the store leaves it open).
   * The database's kind comes from the connections' metadata; its migrations run through the
   * source unless {@code convostore.migrate-on-open=false}. The properties are those of {@link
   * #open(Properties)} without {@code convostore.url}, and without the pool's settings, which are
   * the host's.
   *
   * @throws ValidationException naming {@code convostore.url} when the properties give one, or
   *     {@code dataSource} when no installed adapter stores in its database
   * @throws StoreFailureException when the source gives no connection
   */
  public static ConvoStore open(DataSource dataSource, Properties properties) {
    Checks.present("dataSource", dataSource);
    Checks.present("properties", properties);
    if (properties.getProperty(StoreConfig.URL) != null) {
      throw new ValidationException(StoreConfig.URL, "must not be given with a DataSource: the store is kept in "
          + "the DataSource's database");
    }
    StoreSettings settings = settings(databaseUrl(dataSource), properties);
    StorageProvider provider = providerFor(settings.url());
    return assemble(provider.name(), () -> provider.openOver(dataSource, settings), properties, Clock.systemUTC());
  }

  /** The URL the source's connections report: the database's kind and name, such as {@code jdbc:postgresql://db/app}. */
  private static String databaseUrl(DataSource dataSource) {
    String url;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL();
    } catch (SQLException failed) {
      throw new StoreFailureException(StoreFailureException.Kind.UNAVAILABLE,
          "the host's DataSource gave no connection", failed);
    }
    if (url == null || url.isBlank()) {
      throw new ValidationException("dataSource", "its connections do not report their database's URL, so the "
          + "database's kind is unknown");
    }
    return url;
  }

  private static StoreSettings settings(String url, Properties properties) {
    return new StoreSettings(url, StoreConfig.limits(properties), StoreConfig.adapterProperties(properties));
  }

  /** Reads the rest of the configuration, then opens the storage and wires the use cases over it. */
  private static ConvoStore assemble(String adapter, Supplier<Storage> open, Properties properties, Clock clock) {
    StoreLimits limits = StoreConfig.limits(properties);
    Optional<byte[]> cursorSecret = StoreConfig.cursorSecret(properties);
    Optional<ContentKeys> contentKeys = StoreConfig.contentKeys(properties);
    Storage opened = open.get();
    Storage storage = contentKeys.map(keys -> keys.protect(opened)).orElse(opened);
    UseCases useCases = cursorSecret
        .map(secret -> UseCases.over(storage, clock, limits, secret))
        .orElseGet(() -> UseCases.over(storage, clock, limits));
    return new ConvoStore(adapter, storage, useCases);
  }

  /**
   * The schema migrations of the database the properties describe (status, apply, roll back),
   * without opening a store; empty for stores without a schema ({@code memory:}).
   */
  public static Optional<SchemaMigrations> migrations(Properties properties) {
    Checks.present("properties", properties);
    StoreSettings settings = settings(StoreConfig.url(properties), properties);
    return providerFor(settings.url()).migrations(settings);
  }

  private static StorageProvider providerFor(String url) {
    List<StorageProvider> providers = ServiceLoader.load(StorageProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
    return providers.stream()
        .filter(provider -> provider.accepts(url))
        .findFirst()
        .orElseThrow(() -> new ValidationException(StoreConfig.URL,
            "names a store no installed adapter opens ('" + StoreSettings.withoutSecrets(url) + "'); installed: "
                + providers.stream().map(StorageProvider::name).sorted().toList()));
  }

  /**
   * The URL as it may be shown to people and written to logs: passwords and other secrets in it
   * (user part or parameters) replaced by {@code ***}.
   */
  public static String displayUrl(String url) {
    return StoreSettings.withoutSecrets(Checks.present("url", url));
  }

  /** The name of the storage adapter in use, such as {@code "memory"}. */
  public String adapter() {
    return adapter;
  }

  /** Conversations: start, read, list, change, delete. */
  public ConversationsUseCase conversations() {
    return useCases.conversations();
  }

  /** Appending messages. */
  public MessagesUseCase messages() {
    return useCases.messages();
  }

  /** History windows, recent activity, search, statistics. */
  public HistoryUseCase history() {
    return useCases.history();
  }

  /** Context items. */
  public ContextUseCase context() {
    return useCases.context();
  }

  /** Retention across all users. */
  public RetentionUseCase retention() {
    return useCases.retention();
  }

  /** Export and import of whole conversations. */
  public TransferUseCase transfer() {
    return useCases.transfer();
  }

  /** Releases the storage (pools, files). */
  @Override
  public void close() {
    storage.close();
  }
}
