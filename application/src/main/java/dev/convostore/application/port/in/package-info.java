/**
 * Inbound ports: the use cases host applications call, with their commands, queries and results.
 *
 * <p>Every call names the acting user. A conversation of another user behaves exactly as one that
 * does not exist: {@link dev.convostore.domain.NotFoundException}. Bad input fails with a
 * {@link dev.convostore.domain.ValidationException} naming the field, before anything is stored.
 */
package dev.convostore.application.port.in;
