package dev.convostore.application.service;

import dev.convostore.application.port.out.AppendBatch;
import dev.convostore.application.port.out.ContextItemRepository;
import dev.convostore.application.port.out.ConversationQuery;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.application.port.out.RetentionRepository;
import dev.convostore.application.port.out.Storage;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A storage whose message content is encrypted at rest (see {@link ContentKeys}): every other
 * port passes through. Search is refused, since the index would need the plaintext; titles are
 * not generated from content, since they are stored in plain.
 */
final class ProtectedStorage implements Storage {

  private final Storage storage;
  private final ContentKeys keys;
  private final MessageRepository messages;
  private final ConversationRepository conversations;

  ProtectedStorage(Storage storage, ContentKeys keys) {
    this.storage = storage;
    this.keys = keys;
    this.messages = new Messages(storage.messages());
    this.conversations = new Conversations(storage.conversations());
  }

  @Override
  public ConversationRepository conversations() {
    return conversations;
  }

  @Override
  public MessageRepository messages() {
    return messages;
  }

  @Override
  public ContextItemRepository contextItems() {
    return storage.contextItems();
  }

  @Override
  public RetentionRepository retention() {
    return storage.retention();
  }

  @Override
  public void close() {
    storage.close();
  }

  private NewMessage sealed(ConversationId conversation, NewMessage message) {
    return new NewMessage(message.id(), message.role(), message.kind(), keys.encrypt(conversation, message.content()),
        message.toolCalls(), message.toolResult(), message.metadata());
  }

  private Message sealed(Message message) {
    return withContent(message, keys.encrypt(message.conversationId(), message.content()));
  }

  private Message opened(Message message) {
    return withContent(message, keys.decrypt(message.conversationId(), message.content()));
  }

  private List<Message> opened(List<Message> messages) {
    return messages.stream().map(this::opened).toList();
  }

  /** The feedback with its comment, the user's own words, passed through {@code seal} (or open). */
  private static MessageFeedback withComment(MessageFeedback given, UnaryOperator<String> seal) {
    Feedback feedback = given.feedback();
    return new MessageFeedback(given.messageId(),
        new Feedback(feedback.rating(), feedback.label(), feedback.comment().map(seal)), given.givenAt());
  }

  private static Message withContent(Message message, String content) {
    return new Message(message.id(), message.conversationId(), message.owner(), message.sequence(), message.role(),
        message.kind(), content, message.toolCalls(), message.toolResult(), message.createdAt(), message.metadata());
  }

  private final class Messages implements MessageRepository {

    private final MessageRepository messages;

    Messages(MessageRepository messages) {
      this.messages = messages;
    }

    @Override
    public List<Message> append(AppendBatch batch) {
      List<NewMessage> sealed = batch.messages().stream().map(m -> sealed(batch.conversationId(), m)).toList();
      return opened(messages.append(new AppendBatch(batch.owner(), batch.conversationId(), sealed,
          batch.expectedLastSequence(), batch.createdAt(), Optional.empty())));
    }

    @Override
    public boolean redact(Message redacted) {
      return messages.redact(sealed(redacted));
    }

    @Override
    public boolean giveFeedback(UserId owner, ConversationId conversationId, MessageFeedback feedback) {
      return messages.giveFeedback(owner, conversationId,
          withComment(feedback, text -> keys.encrypt(conversationId, text)));
    }

    @Override
    public Optional<List<MessageFeedback>> feedback(UserId owner, ConversationId conversationId) {
      return messages.feedback(owner, conversationId).map(all -> all.stream()
          .map(feedback -> withComment(feedback, text -> keys.decrypt(conversationId, text))).toList());
    }

    @Override
    public Optional<List<Message>> window(UserId owner, ConversationId conversationId, HistoryRequest request) {
      return messages.window(owner, conversationId, request).map(ProtectedStorage.this::opened);
    }

    @Override
    public Optional<List<Message>> withIds(UserId owner, ConversationId conversationId, List<MessageId> ids) {
      return messages.withIds(owner, conversationId, ids).map(ProtectedStorage.this::opened);
    }

    @Override
    public List<Message> recent(UserId owner, int limit) {
      return opened(messages.recent(owner, limit));
    }

    @Override
    public List<Message> search(UserId owner, SearchTerms terms, MessageFilter filter, int limit) {
      throw new StoreFailureException(Kind.UNSUPPORTED,
          "search is unavailable: this store encrypts message content at rest", null);
    }

    @Override
    public Optional<ConversationStatistics> statistics(UserId owner, ConversationId conversationId) {
      return messages.statistics(owner, conversationId);
    }

    @Override
    public List<ToolUsage> toolUsage(UserId owner, Instant from, Instant to) {
      return messages.toolUsage(owner, from, to); // tool names and outcomes are not sealed
    }
  }

  private final class Conversations implements ConversationRepository {

    private final ConversationRepository conversations;

    Conversations(ConversationRepository conversations) {
      this.conversations = conversations;
    }

    @Override
    public void insert(Conversation conversation) {
      conversations.insert(conversation);
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
      return conversations.find(owner, id);
    }

    @Override
    public Optional<ConversationRevision> revision(UserId owner, ConversationId id) {
      return conversations.revision(owner, id);
    }

    @Override
    public Optional<UserId> ownerOf(ConversationId id) {
      return conversations.ownerOf(id);
    }

    @Override
    public List<Conversation> list(ConversationQuery query) {
      return conversations.list(query);
    }

    @Override
    public Optional<Conversation> updateAttributes(Conversation changed, long expectedVersion) {
      return conversations.updateAttributes(changed, expectedVersion);
    }

    @Override
    public boolean delete(UserId owner, ConversationId id) {
      return conversations.delete(owner, id);
    }

    @Override
    public ErasureReport deleteAllOf(UserId owner) {
      return conversations.deleteAllOf(owner);
    }

    @Override
    public void save(ConversationSnapshot snapshot) {
      conversations.save(sealed(snapshot));
    }

    @Override
    public void saveAll(List<ConversationSnapshot> snapshots) {
      conversations.saveAll(snapshots.stream().map(this::sealed).toList());
    }

    private ConversationSnapshot sealed(ConversationSnapshot snapshot) {
      ConversationId id = snapshot.conversation().id();
      return new ConversationSnapshot(snapshot.conversation(),
          snapshot.messages().stream().map(ProtectedStorage.this::sealed).toList(), snapshot.contextItems(),
          snapshot.feedback().stream().map(feedback -> withComment(feedback, text -> keys.encrypt(id, text))).toList());
    }

    @Override
    public Stream<ConversationSnapshot> export(Optional<UserId> owner) {
      return conversations.export(owner).map(snapshot -> new ConversationSnapshot(
          snapshot.conversation(), opened(snapshot.messages()), snapshot.contextItems(),
          snapshot.feedback().stream()
              .map(feedback -> withComment(feedback, text -> keys.decrypt(snapshot.conversation().id(), text))).toList()));
    }
  }
}
