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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

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
    StoreSettings settings = new StoreSettings(
        StoreConfig.url(properties), StoreConfig.limits(properties), StoreConfig.adapterProperties(properties));
    Optional<byte[]> cursorSecret = StoreConfig.cursorSecret(properties);
    Optional<ContentKeys> contentKeys = StoreConfig.contentKeys(properties);
    StorageProvider provider = providerFor(settings.url());
    Storage opened = provider.open(settings);
    Storage storage = contentKeys.map(keys -> keys.protect(opened)).orElse(opened);
    UseCases useCases = cursorSecret
        .map(secret -> UseCases.over(storage, clock, settings.limits(), secret))
        .orElseGet(() -> UseCases.over(storage, clock, settings.limits()));
    return new ConvoStore(provider.name(), storage, useCases);
  }

  /**
   * The schema migrations of the database the properties describe (status, apply, roll back),
   * without opening a store; empty for stores without a schema ({@code memory:}).
   */
  public static Optional<SchemaMigrations> migrations(Properties properties) {
    Checks.present("properties", properties);
    StoreSettings settings = new StoreSettings(
        StoreConfig.url(properties), StoreConfig.limits(properties), StoreConfig.adapterProperties(properties));
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
