/**
 * The convostore domain: pure Java, no framework, no SQL, no I/O.
 *
 * <p>{@link dev.convostore.domain.Conversation}s own {@link dev.convostore.domain.Message}s
 * (ordered by a gapless per-conversation sequence number, never by timestamp), the
 * {@link dev.convostore.domain.ContextItem}s an agent retrieved for them and the agent's
 * {@link dev.convostore.domain.AgentState}. Every type is an immutable value that validates
 * itself on construction and rejects bad input with a {@link
 * dev.convostore.domain.ValidationException} naming the offending field. Identifiers are typed
 * and time-ordered (UUID version 7); timestamps are UTC instants at microsecond precision.
 */
package dev.convostore.domain;
