/**
 * The application layer: use cases, the ports they need and the services that implement them.
 *
 * <p>Host applications call the inbound ports in {@link dev.convostore.application.port.in};
 * storage adapters implement the outbound ports in {@link dev.convostore.application.port.out};
 * {@link dev.convostore.application.service} implements the former on the latter. This package
 * holds the errors every layer reports: {@link dev.convostore.application.NotFoundException},
 * {@link dev.convostore.application.ConflictException} and {@link
 * dev.convostore.application.StoreFailureException} (with the domain's {@link
 * dev.convostore.domain.ValidationException} for bad input).
 */
package dev.convostore.application;
