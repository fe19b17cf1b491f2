/**
 * The application layer: use cases, the ports they need and the services that implement them.
 *
 * <p>Host applications call the inbound ports in {@link dev.convostore.application.port.in};
 * storage adapters implement the outbound ports in {@link dev.convostore.application.port.out};
 * {@link dev.convostore.application.service} implements the former on the latter. The errors
 * every layer reports are in {@link dev.convostore.domain}, beside their base {@link
 * dev.convostore.domain.ConvostoreException}.
 */
package dev.convostore.application;
