package dev.convostore.adapter.inmemory;

import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.application.port.out.StoreSettings;

/** Opens in-memory stores for {@code memory:} URLs (optionally {@code memory:NAME}, still a new store). */
public final class InMemoryStorageProvider implements StorageProvider {

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
    return new InMemoryStorage();
  }
}
