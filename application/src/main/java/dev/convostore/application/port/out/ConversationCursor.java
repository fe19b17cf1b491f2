package dev.convostore.application.port.out;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationId;
import java.time.Instant;

/**
 * Where a page of a conversation listing ended: the listing continues with conversations that
 * come after this position in the order (updatedAt descending, id descending).
 *
 * @param updatedAt the last activity of the last conversation on the page
 * @param id the id of the last conversation on the page
 */
public record ConversationCursor(Instant updatedAt, ConversationId id) {

  /** Validates every component. */
  public ConversationCursor {
    updatedAt = Checks.instant("cursor", updatedAt);
    Checks.present("cursor", id);
  }
}
