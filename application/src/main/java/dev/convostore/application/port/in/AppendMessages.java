package dev.convostore.application.port.in;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Appends messages to a conversation, all or none.
 *
 * @param user the acting user
 * @param conversationId the conversation
 * @param messages the messages, in the order they get their sequence numbers
 * @param expectedLastSequence when present, the append succeeds only if the conversation's last
 *     sequence is this number (conditional append), so two writers never interleave
 */
public record AppendMessages(
    UserId user, ConversationId conversationId, List<NewMessage> messages, OptionalLong expectedLastSequence) {

  /** Validates every component. */
  public AppendMessages {
    Checks.present("user", user);
    Checks.present("conversationId", conversationId);
    messages = Checks.list("messages", messages);
    if (messages.isEmpty()) {
      throw new ValidationException("messages", "must not be empty");
    }
    Checks.present("expectedLastSequence", expectedLastSequence);
    expectedLastSequence.ifPresent(last -> Checks.nonNegative("expectedLastSequence", last));
  }

  /** An unconditional append. */
  public static AppendMessages of(UserId user, ConversationId conversationId, NewMessage... messages) {
    return new AppendMessages(user, conversationId, List.of(messages), OptionalLong.empty());
  }

  /** An unconditional append. */
  public static AppendMessages of(UserId user, ConversationId conversationId, List<NewMessage> messages) {
    return new AppendMessages(user, conversationId, messages, OptionalLong.empty());
  }

  /** This append, made conditional on the conversation's last sequence being {@code last}. */
  public AppendMessages expectingLastSequence(long last) {
    return new AppendMessages(user, conversationId, messages, OptionalLong.of(last));
  }
}
