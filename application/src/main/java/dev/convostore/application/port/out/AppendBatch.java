package dev.convostore.application.port.out;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Messages to append to one conversation in one transaction.
 *
 * <p>The adapter, atomically: finds the owner's conversation (else {@code NotFoundException});
 * gives each message without an id a new one ({@link
 * dev.convostore.domain.MessageId#newId()}); returns the stored message for every message whose id
 * the conversation already holds with the same content (else {@code ConflictException MESSAGE_ID_REUSED}); if any message is new, checks
 * {@code expectedLastSequence} (else {@code ConflictException SEQUENCE_MISMATCH}), gives the new
 * messages the next sequence numbers in order with {@code createdAt} as their time, adds them to
 * the message count, raises the conversation's updatedAt to {@code createdAt} if later, and sets
 * its title to {@code titleIfUntitled} when it has none.
 *
 * @param owner the acting user
 * @param conversationId the conversation
 * @param messages the messages; no client-chosen id twice
 * @param expectedLastSequence the last sequence the conversation must have, if any
 * @param createdAt the time of the new messages
 * @param titleIfUntitled the title an untitled conversation takes from this batch, if any
 */
public record AppendBatch(
    UserId owner,
    ConversationId conversationId,
    List<NewMessage> messages,
    OptionalLong expectedLastSequence,
    Instant createdAt,
    Optional<String> titleIfUntitled) {

  /** Validates every component. */
  public AppendBatch {
    Checks.present("owner", owner);
    Checks.present("conversationId", conversationId);
    messages = Checks.list("messages", messages);
    Checks.present("expectedLastSequence", expectedLastSequence);
    createdAt = Checks.instant("createdAt", createdAt);
    Checks.present("titleIfUntitled", titleIfUntitled);
  }
}
