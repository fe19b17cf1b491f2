package dev.convostore.application.port.out;

import dev.convostore.domain.ValidationException;
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

  /**
   * Opens the storage in a database the host application already connects to, through the host's
   * own source of connections (a {@code javax.sql.DataSource} for the SQL adapters), which the
   * storage borrows connections from and never closes. {@code settings.url()} is the database's
   * URL as its connections report it.
   *
   * @throws ValidationException naming {@code dataSource} when this adapter cannot work over such a source
   */
  default Storage openOver(Object hostConnections, StoreSettings settings) {
    throw new ValidationException("dataSource", "cannot hold a " + name() + " store: the " + name()
        + " adapter opens its own storage from a URL");
  }

  /** The schema migrations of the database the settings describe; none for stores without a schema (memory). */
  default Optional<SchemaMigrations> migrations(StoreSettings settings) {
    return Optional.empty();
  }
}
