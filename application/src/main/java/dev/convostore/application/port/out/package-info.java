/**
 * Outbound ports: what the services need from storage, implemented by the adapters.
 *
 * <p>Each method is one atomic unit of work; the adapter owns its transaction and no connection,
 * session or transaction crosses a port. Methods are shaped for the use cases, not for tables:
 * appending does not read or rewrite earlier messages. Adapters report failures as {@link
 * dev.convostore.domain.StoreFailureException} (never a persistence exception) and
 * contradictions as {@link dev.convostore.domain.ConflictException} or {@link
 * dev.convostore.domain.NotFoundException}. An adapter is found through {@link
 * java.util.ServiceLoader} as a {@link dev.convostore.application.port.out.StorageProvider}.
 */
package dev.convostore.application.port.out;
