package dev.convostore.bootstrap;

import dev.convostore.application.StoreLimits;
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
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.ValidationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
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
  private final Operations operations;
  private final UseCases useCases;

  private ConvoStore(String adapter, Storage storage, Operations operations, UseCases useCases) {
    this.adapter = adapter;
    this.storage = storage;
    this.operations = operations;
    this.useCases = useCases;
  }

  /** Opens the store at {@code url} with default settings, such as {@code memory:}. */
  public static ConvoStore open(String url) {
    return open(url, Clock.systemUTC());
  }

  /**
   * Opens the store at {@code url} with default settings, taking every timestamp from {@code
   * clock} (tests of retention and activity ordering control time this way).
   */
  public static ConvoStore open(String url, Clock clock) {
    Properties properties = new Properties();
    properties.setProperty(StoreConfig.URL, Checks.present("url", url));
    return with(properties).clock(clock).open();
  }

  /** Opens the store the properties describe (keys: see the configuration reference in {@code docs/}). */
  public static ConvoStore open(Properties properties) {
    return with(properties).open();
  }

  /** Opens the store the properties describe, taking every timestamp from {@code clock}. */
  public static ConvoStore open(Properties properties, Clock clock) {
    return with(properties).clock(clock).open();
  }

  /**
   * Opens the store in the database of a {@link DataSource} the host application owns: see {@link
   * Builder#dataSource}.
   */
  public static ConvoStore open(DataSource dataSource, Properties properties) {
    return with(properties).dataSource(dataSource).open();
  }

  /**
   * Opens the store the properties describe, with one Micrometer observation per call: see {@link
   * Builder#observationRegistry}.
   */
  public static ConvoStore open(Properties properties, ObservationRegistry observations) {
    return with(properties).observationRegistry(observations).open();
  }

  /** A store to open from these properties, with what else the builder is given. */
  public static Builder with(Properties properties) {
    return new Builder(Checks.present("properties", properties));
  }

  /** What a store is opened with besides its properties. */
  public static final class Builder {

    private final Properties properties;
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    // Micrometer is optional: its types appear in signatures only, never in fields.
    private Object observations;
    private Object meters;

    private Builder(Properties properties) {
      this.properties = properties;
    }

    /**
     * Keeps the store in the database of a {@link DataSource} the host application owns, such as
     * its connection pool, instead of at {@code convostore.url}. convostore borrows connections
     * from it for each call and gives them back as it found them; it neither pools nor closes the
     * source (closing the store leaves it open). The database's kind comes from the connections'
     * metadata; the migrations run through the source unless {@code convostore.migrate-on-open=false}.
     * The properties then hold neither {@code convostore.url} nor the pool's settings, which are the
     * host's.
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Checks.present("dataSource", dataSource);
      return this;
    }

    /** Takes every timestamp from {@code clock}. */
    public Builder clock(Clock clock) {
      this.clock = Checks.present("clock", clock);
      return this;
    }

    /**
     * Makes one {@code convostore.operation} observation per use-case call, with the
     * low-cardinality keys {@code operation} (such as {@code messages.append}), {@code store} (the
     * adapter) and {@code outcome} ({@code success} or the error's kind, such as {@code conflict}
     * or {@code timeout}), and the conversation's id as the high-cardinality key {@code
     * conversation.id}.
     */
    public Builder observationRegistry(ObservationRegistry observations) {
      this.observations = Checks.present("observations", observations);
      return this;
    }

    /**
     * Counts {@code convostore.messages.appended}, {@code convostore.conflicts} and {@code
     * convostore.retries} (tagged with the store, and the operation where there is one) in {@code
     * meters}, where the store's own HikariCP pools also report their metrics ({@code
     * hikaricp.connections...}, tagged with the pool's name, such as {@code convostore-postgres}).
     */
    public Builder meterRegistry(MeterRegistry meters) {
      this.meters = Checks.present("meters", meters);
      return this;
    }

    /**
     * Opens the store.
     *
     * @throws ValidationException naming the key or argument that is wrong
     * @throws StoreFailureException when the storage cannot be opened
     */
    public ConvoStore open() {
      StoreLimits limits = StoreConfig.limits(properties);
      Optional<byte[]> cursorSecret = StoreConfig.cursorSecret(properties);
      Optional<ContentKeys> contentKeys = StoreConfig.contentKeys(properties);
      Duration slowCall = StoreConfig.slowCall(properties);
      StoreSettings settings = settings(dataSource == null ? StoreConfig.url(properties) : hostDatabaseUrl(),
          properties, meters);
      StorageProvider provider = providerFor(settings.url());
      Monitor monitor = observations == null && meters == null
          ? Monitor.NONE : new MicrometerMonitor(provider.name(), observations, meters);
      Operations operations = new Operations(slowCall, monitor);
      Storage opened = dataSource == null ? provider.open(settings) : provider.openOver(dataSource, settings);
      Storage storage = contentKeys.map(keys -> keys.protect(opened)).orElse(opened);
      UseCases useCases = UseCases.over(
          storage, clock, limits, cursorSecret.orElseGet(UseCases::newCursorSecret), operations);
      return new ConvoStore(provider.name(), storage, operations, new UseCases(
          operations.watched(ConversationsUseCase.class, "conversations", useCases.conversations()),
          operations.watched(MessagesUseCase.class, "messages", useCases.messages()),
          operations.watched(HistoryUseCase.class, "history", useCases.history()),
          operations.watched(ContextUseCase.class, "context", useCases.context()),
          operations.watched(RetentionUseCase.class, "retention", useCases.retention()),
          operations.watched(TransferUseCase.class, "transfer", useCases.transfer())));
    }

    /**
     * The URL the host's connections report: the database's kind and name, such as {@code
     * jdbc:postgresql://db/app}.
     */
    private String hostDatabaseUrl() {
      if (properties.getProperty(StoreConfig.URL) != null) {
        throw new ValidationException(StoreConfig.URL, "must not be given with a DataSource: the store is kept in "
            + "the DataSource's database");
      }
      return databaseUrl(dataSource);
    }
  }

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

  private static StoreSettings settings(String url, Properties properties, Object poolMetrics) {
    return new StoreSettings(url, StoreConfig.limits(properties), StoreConfig.adapterProperties(properties),
        Optional.ofNullable(poolMetrics));
  }

  /**
   * The schema migrations of the database the properties describe (status, apply, roll back),
   * without opening a store; empty for stores without a schema ({@code memory:}).
   */
  public static Optional<SchemaMigrations> migrations(Properties properties) {
    Checks.present("properties", properties);
    StoreSettings settings = settings(StoreConfig.url(properties), properties, null);
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

  /**
   * Releases the storage (pools, files); a call made afterwards is an {@link
   * IllegalStateException}. Closing twice does nothing more.
   */
  @Override
  public void close() {
    if (operations.close()) {
      storage.close();
    }
  }
}
