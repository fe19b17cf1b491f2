package dev.convostore.domain;

import java.time.Instant;

/**
 * Where a conversation stands, read without what it holds: two reads that give equal revisions
 * saw the same conversation (not one deleted and started again under its id) with nothing
 * appended to it, changed in it or redacted in between. A reader that keeps what it read checks
 * the revision before it reads again.
 *
 * @param createdAt when the conversation was started
 * @param lastSequence its {@link Conversation#lastSequence()}
 * @param version its {@link Conversation#version()}
 */
public record ConversationRevision(Instant createdAt, long lastSequence, long version) {

  /** Validates every component. */
  public ConversationRevision {
    createdAt = Checks.instant("createdAt", createdAt);
    Checks.nonNegative("lastSequence", lastSequence);
    Checks.version(version);
  }
}
