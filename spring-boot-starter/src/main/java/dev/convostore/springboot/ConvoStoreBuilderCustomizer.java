package dev.convostore.springboot;

import dev.convostore.bootstrap.ConvoStore;

/**
 * Changes how the starter's {@link ConvoStore} is opened, such as a clock or a registry; every bean
 * of this type is applied, in order, before the store opens.
 */
@FunctionalInterface
public interface ConvoStoreBuilderCustomizer {

  /** Adds to or changes what the store is opened with. */
  void customize(ConvoStore.Builder builder);
}
