package dev.convostore.application.port.in;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationOrder;
import dev.convostore.domain.JsonArray;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.util.Optional;

/**
 * Lists a user's conversations, most recent activity (or most recently started) first, one page at
 * a time.
 *
 * @param user the acting user
 * @param order by last activity (the default) or by creation, newest first either way; a cursor
 *     continues only the order that issued it
 * @param active only active (true) or only inactive (false) conversations; all when empty
 * @param metadataFilter only conversations whose metadata has each of these top-level members with
 *     an equal value; the values must be scalars (text, number, boolean or null)
 * @param cursor where the previous page ended ({@link ConversationPage#nextCursor()}); the first
 *     page when empty
 * @param limit the most conversations on the page, 1..{@value #MAX_LIMIT}
 */
public record ListConversations(
    UserId user, ConversationOrder order, Optional<Boolean> active, JsonObject metadataFilter, Optional<String> cursor, int limit) {

  /** Largest page. */
  public static final int MAX_LIMIT = 1000;

  /** Validates every component. */
  public ListConversations {
    Checks.present("user", user);
    Checks.present("order", order);
    Checks.present("active", active);
    Checks.present("metadataFilter", metadataFilter);
    metadataFilter.members().forEach((key, value) -> {
      if (value instanceof JsonObject || value instanceof JsonArray) {
        throw new ValidationException("metadataFilter." + key, "must be text, a number, a boolean or null");
      }
    });
    Checks.present("cursor", cursor);
    Checks.positive("limit", limit, MAX_LIMIT);
  }

  /** The first page of all the user's conversations, {@code limit} at a time. */
  public static ListConversations of(UserId user, int limit) {
    return new ListConversations(user, ConversationOrder.LAST_ACTIVITY, Optional.empty(), JsonObject.empty(), Optional.empty(), limit);
  }

  /** This listing ordered by creation, the most recently started first. */
  public ListConversations byCreation() {
    return new ListConversations(user, ConversationOrder.CREATION, active, metadataFilter, cursor, limit);
  }

  /** This listing restricted to active (true) or inactive (false) conversations. */
  public ListConversations onlyActive(boolean wanted) {
    return new ListConversations(user, order, Optional.of(wanted), metadataFilter, cursor, limit);
  }

  /** This listing restricted to conversations whose metadata matches {@code filter}. */
  public ListConversations withMetadata(JsonObject filter) {
    return new ListConversations(user, order, active, filter, cursor, limit);
  }

  /** The page after the one that returned {@code nextCursor}. */
  public ListConversations after(String nextCursor) {
    return new ListConversations(user, order, active, metadataFilter, Optional.of(nextCursor), limit);
  }
}
