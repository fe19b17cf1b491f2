package dev.convostore.application.port.out;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationOrder;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.UserId;
import java.util.Optional;

/**
 * A page of a user's conversations, ordered by the order's time descending, then id descending.
 *
 * @param owner whose conversations
 * @param order by last activity or by creation
 * @param active only active (true) or inactive (false) ones; all when empty
 * @param metadataFilter top-level members (scalar values) the metadata must hold with equal values
 * @param after continue after this position; from the start when empty
 * @param limit the most conversations to return
 */
public record ConversationQuery(
    UserId owner, ConversationOrder order, Optional<Boolean> active, JsonObject metadataFilter, Optional<ConversationCursor> after, int limit) {

  /** Validates every component. */
  public ConversationQuery {
    Checks.present("owner", owner);
    Checks.present("order", order);
    Checks.present("active", active);
    Checks.present("metadataFilter", metadataFilter);
    Checks.present("after", after);
    Checks.positive("limit", limit, Integer.MAX_VALUE);
  }
}
