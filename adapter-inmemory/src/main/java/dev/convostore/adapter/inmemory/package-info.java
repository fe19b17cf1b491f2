/**
 * Storage in plain Java collections: thread-safe, no SQL, nothing persisted. The fast default for
 * host applications' own tests. Opened through bootstrap with the URL {@code memory:} (every
 * open is a new, empty store). Its only public type is the {@link
 * dev.convostore.adapter.inmemory.InMemoryStorageProvider} that {@link java.util.ServiceLoader}
 * finds.
 */
package dev.convostore.adapter.inmemory;
