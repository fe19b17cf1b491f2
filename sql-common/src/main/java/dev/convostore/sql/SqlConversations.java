package dev.convostore.sql;

import dev.convostore.application.port.out.ConversationCursor;
import dev.convostore.application.port.out.ConversationQuery;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.domain.ConflictException.Reason;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.ContextItem;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.ConversationOrder;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.UserId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.ibatis.session.SqlSession;

/** Conversations in a SQL database, through the adapter's mappers. */
public final class SqlConversations implements ConversationRepository {

  /** How many conversation ids an export reads at a time. */
  private static final int EXPORT_PAGE = 100;

  private final SqlDatabase database;
  private final BiConsumer<SqlSession, List<Message>> insertMessages;

  /**
   * @param insertMessages how the adapter inserts a whole conversation's messages (with what its
   *     search index needs) in a batching session
   */
  public SqlConversations(SqlDatabase database, BiConsumer<SqlSession, List<Message>> insertMessages) {
    this.database = database;
    this.insertMessages = insertMessages;
  }

  private ConversationMapper conversations(SqlSession session) {
    return session.getMapper(ConversationMapper.class);
  }

  @Override
  public void insert(Conversation conversation) {
    database.write(session -> {
      ConversationMapper mapper = conversations(session);
      if (mapper.insert(conversation) == 0) {
        throw idInUse(conversation.id());
      }
      mapper.insertAgentState(conversation);
      return null;
    });
  }

  @Override
  public Optional<Conversation> find(UserId owner, ConversationId id) {
    return database.query(session -> Optional.ofNullable(conversations(session).find(owner, id)).map(ConversationRow::conversation));
  }

  @Override
  public Optional<ConversationRevision> revision(UserId owner, ConversationId id) {
    return database.query(session -> Optional.ofNullable(conversations(session).revision(owner, id)));
  }

  @Override
  public Optional<UserId> ownerOf(ConversationId id) {
    return database.query(session -> Optional.ofNullable(conversations(session).ownerOf(id)));
  }

  @Override
  public List<Conversation> list(ConversationQuery query) {
    List<String> members = MetadataFilter.members(query.metadataFilter());
    return database.query(session -> {
      ConversationMapper mapper = conversations(session);
      List<Conversation> page = new ArrayList<>();
      Optional<ConversationCursor> after = query.after();
      while (true) {
        List<Conversation> rows = mapper.list(
            query.owner(), query.order() == ConversationOrder.CREATION, query.active().orElse(null),
            after.map(ConversationCursor::time).orElse(null),
            after.map(ConversationCursor::id).orElse(null), query.metadataFilter().isEmpty() ? null : query.metadataFilter(),
            members, query.limit()).stream().map(ConversationRow::conversation).toList();
        // The SQL may keep a row whose text holds a member elsewhere: the exact check drops it.
        rows.stream().filter(c -> holds(c.metadata(), query.metadataFilter())).forEach(page::add);
        if (page.size() >= query.limit() || rows.size() < query.limit()) {
          return List.copyOf(page.subList(0, Math.min(page.size(), query.limit())));
        }
        Conversation last = rows.get(rows.size() - 1);
        after = Optional.of(new ConversationCursor(query.order().timeOf(last), last.id()));
      }
    });
  }

  private static boolean holds(JsonObject metadata, JsonObject filter) {
    return filter.members().entrySet().stream()
        .allMatch(member -> Objects.equals(metadata.members().get(member.getKey()), member.getValue()));
  }

  @Override
  public Optional<Conversation> updateAttributes(Conversation changed, long expectedVersion) {
    return database.write(session -> {
      ConversationMapper mapper = conversations(session);
      if (mapper.updateAttributes(changed, expectedVersion) == 0) {
        return Optional.empty();
      }
      mapper.updateAgentState(changed);
      return Optional.of(mapper.find(changed.owner(), changed.id()).conversation());
    });
  }

  @Override
  public boolean delete(UserId owner, ConversationId id) {
    return database.write(session -> conversations(session).delete(owner, id) > 0);
  }

  @Override
  public ErasureReport deleteAllOf(UserId owner) {
    return database.write(session -> {
      ConversationMapper mapper = conversations(session);
      long messages = mapper.countMessagesOf(owner);
      long items = mapper.countItemsOf(owner);
      int conversations = mapper.deleteAllOf(owner);
      return new ErasureReport(conversations, messages, items);
    });
  }

  @Override
  public void save(ConversationSnapshot snapshot) {
    saveAll(List.of(snapshot));
  }

  @Override
  public void saveAll(List<ConversationSnapshot> snapshots) {
    database.writeBatch(session -> {
      for (ConversationSnapshot snapshot : snapshots) {
        Conversation conversation = snapshot.conversation();
        ConversationMapper mapper = conversations(session);
        UserId owner = mapper.ownerOf(conversation.id());
        if (owner != null && !owner.equals(conversation.owner())) {
          throw idInUse(conversation.id());
        }
        if (owner != null) {
          mapper.delete(owner, conversation.id()); // replaced whole: its rows go with it
        }
        mapper.insert(conversation);
        mapper.insertAgentState(conversation);
        insertMessages.accept(session, snapshot.messages());
        ContextItemMapper items = session.getMapper(ContextItemMapper.class);
        snapshot.contextItems().forEach(items::insert);
        MessageMapper messages = session.getMapper(MessageMapper.class);
        snapshot.feedback().forEach(given -> messages.giveFeedback(conversation.owner(), conversation.id(), given));
      }
      return null;
    });
  }

  @Override
  public Stream<ConversationSnapshot> export(Optional<UserId> owner) {
    // Ids are read a page at a time and each conversation when the stream reaches it, each in
    // its own short read: memory stays constant and no connection is held between elements.
    Iterator<ConversationSnapshot> snapshots = new Iterator<>() {
      private final Deque<ConversationId> ids = new ArrayDeque<>();
      private ConversationId lastRead;
      private boolean allRead;
      private ConversationSnapshot next;

      @Override
      public boolean hasNext() {
        while (next == null && !(ids.isEmpty() && allRead)) {
          if (ids.isEmpty()) {
            List<ConversationId> page = database.read(session ->
                conversations(session).idsAfter(owner.orElse(null), lastRead, EXPORT_PAGE));
            allRead = page.size() < EXPORT_PAGE;
            ids.addAll(page);
            lastRead = page.isEmpty() ? lastRead : page.get(page.size() - 1);
          } else {
            ConversationId id = ids.removeFirst();
            next = database.readSnapshot(session -> snapshot(session, id)).orElse(null);
          }
        }
        return next != null;
      }

      @Override
      public ConversationSnapshot next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ConversationSnapshot snapshot = next;
        next = null;
        return snapshot;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(snapshots, 0), false);
  }

  /** The whole conversation as it is now, if it still exists. */
  private Optional<ConversationSnapshot> snapshot(SqlSession session, ConversationId id) {
    UserId owner = conversations(session).ownerOf(id);
    if (owner == null) {
      return Optional.empty(); // deleted since its id was read
    }
    Conversation conversation = conversations(session).find(owner, id).conversation();
    List<Message> messages = MessageRow.all(session.getMapper(MessageMapper.class).all(owner, id), id, owner);
    List<ContextItem> items = session.getMapper(ContextItemMapper.class).all(id);
    List<MessageFeedback> feedback = session.getMapper(MessageMapper.class).feedbackOf(owner, id).stream()
        .map(FeedbackRow::given).toList();
    return Optional.of(new ConversationSnapshot(conversation, messages, items, feedback));
  }

  private static ConflictException idInUse(ConversationId id) {
    return new ConflictException(Reason.ID_IN_USE, "conversation id " + id + " is already in use");
  }
}
