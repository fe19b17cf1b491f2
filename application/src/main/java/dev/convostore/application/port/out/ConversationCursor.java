package dev.convostore.application.port.out;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationId;
import java.time.Instant;

/**
 * Where a page of a conversation listing ended: the listing continues with conversations that
 * come after this position in the listing's order (its time descending, then id descending).
 *
 * @param time the time the listing sorts by (last activity or creation) of the last conversation
 *     on the page
 * @param id the id of the last conversation on the page
 */
public record ConversationCursor(Instant time, ConversationId id) {

  /** Validates every component. */
  public ConversationCursor {
    time = Checks.instant("cursor", time);
    Checks.present("cursor", id);
  }
}
