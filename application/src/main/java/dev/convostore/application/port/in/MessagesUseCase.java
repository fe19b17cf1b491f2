package dev.convostore.application.port.in;

import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.util.List;

/**
 * Appending messages. Each message gets the conversation's next sequence number; the
 * conversation's message count and last activity follow. Appending never reads or rewrites
 * earlier messages.
 *
 * <p>Idempotency: a message with a client-chosen id that the conversation already holds is not
 * appended again; the stored message is returned in its place. The same id with different
 * content is a {@link dev.convostore.domain.ConflictException} ({@code MESSAGE_ID_REUSED}).
 * Messages of a batch that are new are appended; when the whole batch was stored before, the
 * call changes nothing, whatever the expected last sequence says, so a retry after a lost
 * response succeeds.
 */
public interface MessagesUseCase {

  /**
   * Appends the messages atomically: all of them or none.
   *
   * @return the stored messages, in the order given
   */
  List<Message> append(AppendMessages command);

  /** Appends one message. */
  default Message append(UserId user, ConversationId conversationId, NewMessage message) {
    return append(AppendMessages.of(user, conversationId, message)).get(0);
  }

  /**
   * Redacts one message of the user's conversation, for an erasure request about it: the message
   * becomes {@link Message#redacted()} (empty content and tool arguments, no recorded action,
   * metadata {@link Message#REDACTED}) and leaves the search index, in one transaction. Its
   * place, id, role, kind, time, call ids, tool names and outcomes stay, so the conversation's
   * order, its message count, statistics and the pairing of calls and results hold. Redacting a
   * redacted message changes nothing. The conversation's title and the agent state are the
   * host's: a title generated from the message stays until the host changes it.
   *
   * @return the redacted message
   * @throws dev.convostore.domain.NotFoundException naming {@code conversation} when the user has
   *     no such conversation, {@code message} when it holds no message with that id
   */
  Message redact(UserId user, ConversationId conversationId, MessageId messageId);

  /**
   * Records what the user thinks of one message of their conversation (see {@link Feedback} for
   * the rating's scale): one feedback per message, replaced when given again. It is exported and
   * imported with its conversation and removed with its message.
   *
   * @return the feedback as stored, with the time it was given
   * @throws dev.convostore.domain.NotFoundException naming {@code conversation} or {@code message}
   */
  MessageFeedback giveFeedback(UserId user, ConversationId conversationId, MessageId messageId, Feedback feedback);

  /**
   * The feedback given on the messages of the user's conversation, in message order.
   *
   * @throws dev.convostore.domain.NotFoundException naming {@code conversation}
   */
  List<MessageFeedback> feedback(UserId user, ConversationId conversationId);
}
