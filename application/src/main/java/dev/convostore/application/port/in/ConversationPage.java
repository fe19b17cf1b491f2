package dev.convostore.application.port.in;

import dev.convostore.domain.Conversation;
import java.util.List;
import java.util.Optional;

/**
 * One page of a conversation listing.
 *
 * @param conversations the conversations, most recent activity first
 * @param nextCursor an opaque cursor for the next page; empty on the last page
 */
public record ConversationPage(List<Conversation> conversations, Optional<String> nextCursor) {

  /** Copies the list. */
  public ConversationPage {
    conversations = List.copyOf(conversations);
  }
}
