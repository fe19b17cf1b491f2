package dev.convostore.application.port.in;

import dev.convostore.domain.Conversation;
import dev.convostore.domain.Message;
import java.util.List;

/**
 * A conversation with one window of its messages.
 *
 * @param conversation the conversation
 * @param messages the requested window, in chronological (sequence) order
 */
public record ConversationView(Conversation conversation, List<Message> messages) {

  /** Copies the message list. */
  public ConversationView {
    messages = List.copyOf(messages);
  }
}
