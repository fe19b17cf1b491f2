package dev.convostore.application.port.out;

import java.util.Optional;

/**
 * A storage adapter, registered for {@link java.util.ServiceLoader} under {@code
 * META-INF/services/dev.convostore.application.port.out.StorageProvider}.
 */
public interface StorageProvider {

  /** A short name for messages and logs, such as {@code "sqlite"}. */
  String name();

  /** Whether this adapter opens stores at {@code url}, such as {@code jdbc:sqlite:chat.db}. */
  boolean accepts(String url);

  /** Opens the storage the settings describe. */
  Storage open(StoreSettings settings);

  /** The schema migrations of the database the settings describe; none for stores without a schema (memory). */
  default Optional<SchemaMigrations> migrations(StoreSettings settings) {
    return Optional.empty();
  }
}
