package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens in-memory stores for {@code memory:} URLs (optionally {@code memory:NAME}, still a new
 * store). It has no settings of its own and refuses any, so that a key meant for a SQL store is
 * not silently ignored.
 */
public final class InMemoryStorageProvider implements StorageProvider {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryStorageProvider.class);

  /** The URL scheme this provider accepts. */
  public static final String SCHEME = "memory:";

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public boolean accepts(String url) {
    return url.startsWith(SCHEME);
  }

  @Override
  public Storage open(StoreSettings settings) {
    settings.requireKnownKeys("memory", Set.of());
    LOG.info("Opened a convostore memory store");
    return new InMemoryStorage();
  }
}
