package dev.convostore.application.service;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.MessagesUseCase;
import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.domain.Checks;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class MessageService implements MessagesUseCase {

  private final MessageRepository messages;
  private final Guard guard;

  MessageService(MessageRepository messages, Guard guard) {
    this.messages = messages;
    this.guard = guard;
  }

  @Override
  public List<Message> append(AppendMessages command) {
    Checks.present("command", command);
    guard.batchSize(command.messages());
    Set<MessageId> ids = new HashSet<>();
    for (int i = 0; i < command.messages().size(); i++) {
      NewMessage message = command.messages().get(i);
      guard.message("messages[" + i + "]", message);
      if (message.id().isPresent() && !ids.add(message.id().get())) {
        throw new ValidationException("messages[" + i + "].id", "repeats the id of an earlier message in the batch");
      }
    }
    return messages.append(new AppendBatch(
        command.user(), command.conversationId(), command.messages(), command.expectedLastSequence(),
        guard.now(), titleFrom(command.messages())));
  }

  @Override
  public Message redact(UserId user, ConversationId conversationId, MessageId messageId) {
    Message stored = stored(messages, user, conversationId, messageId);
    if (stored.isRedacted()) {
      return stored; // redacting again changes nothing, not even the conversation's version
    }
    Message redacted = stored.redacted();
    if (!messages.redact(redacted)) {
      throw new NotFoundException("message", messageId); // removed since it was read
    }
    return redacted;
  }

  @Override
  public MessageFeedback giveFeedback(UserId user, ConversationId conversationId, MessageId messageId, Feedback feedback) {
    Checks.present("user", user);
    Checks.present("conversationId", conversationId);
    Checks.present("messageId", messageId);
    MessageFeedback given = new MessageFeedback(messageId, Checks.present("feedback", feedback), guard.now());
    if (!messages.giveFeedback(user, conversationId, given)) {
      stored(messages, user, conversationId, messageId); // names what is missing: the conversation or the message
      throw new NotFoundException("message", messageId); // removed meanwhile
    }
    return given;
  }

  @Override
  public List<MessageFeedback> feedback(UserId user, ConversationId conversationId) {
    Checks.present("user", user);
    Checks.present("conversationId", conversationId);
    return messages.feedback(user, conversationId).orElseThrow(() -> ConversationService.notFound(conversationId));
  }

  /** The message of the user's conversation with the id; not found names the conversation or the message. */
  static Message stored(MessageRepository messages, UserId user, ConversationId conversationId, MessageId messageId) {
    Checks.present("user", user);
    Checks.present("conversationId", conversationId);
    Checks.present("messageId", messageId);
    return messages.withIds(user, conversationId, List.of(messageId))
        .orElseThrow(() -> ConversationService.notFound(conversationId))
        .stream().findFirst()
        .orElseThrow(() -> new NotFoundException("message", messageId));
  }

  private static Optional<String> titleFrom(List<NewMessage> batch) {
    return batch.stream()
        .filter(m -> m.role() == MessageRole.USER && m.kind() == MessageKind.TEXT)
        .findFirst()
        .map(m -> Conversation.titleFrom(m.content()))
        .filter(title -> !title.isEmpty());
  }
}
