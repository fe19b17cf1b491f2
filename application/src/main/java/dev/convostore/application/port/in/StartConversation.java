package dev.convostore.application.port.in;

import dev.convostore.domain.Checks;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.UserId;
import java.util.Optional;

/**
 * Starts a conversation.
 *
 * @param user the acting user, who will own it
 * @param id an id chosen by the host; a new one is generated when empty
 * @param title its title; when empty, the first user message names it
 * @param metadata the host's own data about it
 */
public record StartConversation(
    UserId user, Optional<ConversationId> id, Optional<String> title, JsonObject metadata) {

  /** Validates every component. */
  public StartConversation {
    Checks.present("user", user);
    Checks.present("id", id);
    title = Checks.optionalName("title", title, Conversation.MAX_TITLE_LENGTH);
    Checks.present("metadata", metadata);
  }

  /** An untitled conversation without metadata. */
  public static StartConversation by(UserId user) {
    return new StartConversation(user, Optional.empty(), Optional.empty(), JsonObject.empty());
  }

  /** This command with a title. */
  public StartConversation titled(String newTitle) {
    return new StartConversation(user, id, Optional.of(newTitle), metadata);
  }

  /** This command with metadata. */
  public StartConversation withMetadata(JsonObject newMetadata) {
    return new StartConversation(user, id, title, newMetadata);
  }

  /** This command with a host-chosen id. */
  public StartConversation withId(ConversationId newId) {
    return new StartConversation(user, Optional.of(newId), title, metadata);
  }
}
