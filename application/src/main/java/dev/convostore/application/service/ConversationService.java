package dev.convostore.application.service;

import dev.convostore.application.port.in.ConversationPage;
import dev.convostore.application.port.in.ConversationView;
import dev.convostore.application.port.in.ConversationsUseCase;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.ConversationCursor;
import dev.convostore.application.port.out.ConversationQuery;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.application.port.out.StoreEvents;
import dev.convostore.domain.AgentState;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ConflictException.Reason;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

final class ConversationService implements ConversationsUseCase {

  /** Unconditional changes retry this often when concurrent changes keep moving the version. */
  private static final int MAX_CHANGE_ATTEMPTS = 32;

  private final ConversationRepository conversations;
  private final HistoryService history;
  private final Guard guard;
  private final CursorCodec cursors;
  private final StoreEvents events;

  ConversationService(
      ConversationRepository conversations, HistoryService history, Guard guard, CursorCodec cursors,
      StoreEvents events) {
    this.events = events;
    this.conversations = conversations;
    this.history = history;
    this.guard = guard;
    this.cursors = cursors;
  }

  @Override
  public Conversation start(StartConversation command) {
    Checks.present("command", command);
    guard.json("metadata", command.metadata());
    Conversation conversation = Conversation.start(
        command.id().orElseGet(ConversationId::newId), command.user(), command.title(),
        command.metadata(), guard.now());
    conversations.insert(conversation);
    return conversation;
  }

  @Override
  public Conversation get(UserId user, ConversationId id) {
    return existing(user, id);
  }

  @Override
  public ConversationRevision revision(UserId user, ConversationId id) {
    checkIds(user, id);
    return conversations.revision(user, id).orElseThrow(() -> notFound(id));
  }

  @Override
  public ConversationView getWithWindow(UserId user, ConversationId id, HistoryRequest window) {
    Conversation conversation = existing(user, id);
    return new ConversationView(conversation, history.history(user, id, window));
  }

  @Override
  public ConversationPage list(ListConversations query) {
    Checks.present("query", query);
    // One extra row tells whether another page follows.
    List<Conversation> rows = conversations.list(new ConversationQuery(
        query.user(), query.order(), query.active(), query.metadataFilter(),
        query.cursor().map(text -> cursors.decode(query.user(), query.order(), text)), query.limit() + 1));
    if (rows.size() <= query.limit()) {
      return new ConversationPage(rows, Optional.empty());
    }
    List<Conversation> page = rows.subList(0, query.limit());
    Conversation last = page.get(page.size() - 1);
    return new ConversationPage(
        page, Optional.of(cursors.encode(query.user(), query.order(), new ConversationCursor(query.order().timeOf(last), last.id()))));
  }

  @Override
  public Conversation rename(UserId user, ConversationId id, String title, OptionalLong expectedVersion) {
    String valid = Checks.name("title", title, Conversation.MAX_TITLE_LENGTH);
    return change("rename", user, id, expectedVersion, (c, now) -> c.renamed(valid, now));
  }

  @Override
  public Conversation deactivate(UserId user, ConversationId id, OptionalLong expectedVersion) {
    return change("deactivate", user, id, expectedVersion, (c, now) -> c.withActive(false, now));
  }

  @Override
  public Conversation reactivate(UserId user, ConversationId id, OptionalLong expectedVersion) {
    return change("reactivate", user, id, expectedVersion, (c, now) -> c.withActive(true, now));
  }

  @Override
  public Conversation updateMetadata(
      UserId user, ConversationId id, JsonObject metadata, OptionalLong expectedVersion) {
    guard.json("metadata", Checks.present("metadata", metadata));
    return change("updateMetadata", user, id, expectedVersion, (c, now) -> c.withMetadata(metadata, now));
  }

  @Override
  public Conversation updateAgentState(
      UserId user, ConversationId id, AgentState state, OptionalLong expectedVersion) {
    guard.agentState(Checks.present("agentState", state));
    return change("updateAgentState", user, id, expectedVersion, (c, now) -> c.withAgentState(state, now));
  }

  @Override
  public void delete(UserId user, ConversationId id) {
    checkIds(user, id);
    if (!conversations.delete(user, id)) {
      throw notFound(id);
    }
  }

  @Override
  public ErasureReport eraseUser(UserId user) {
    return conversations.deleteAllOf(Checks.present("user", user));
  }

  @Override
  public Conversation save(UserId user, ConversationSnapshot snapshot) {
    Checks.present("user", user);
    Checks.present("snapshot", snapshot);
    if (!snapshot.conversation().owner().equals(user)) {
      throw new ValidationException("conversation.owner", "must be the acting user");
    }
    guard.snapshot(snapshot);
    conversations.save(snapshot);
    return existing(user, snapshot.conversation().id());
  }

  /**
   * Read, change, compare-and-set on the version. Without an expected version a lost race is
   * retried on the fresh state, so concurrent changes never overwrite each other unseen.
   */
  private Conversation change(
      String operation, UserId user, ConversationId id, OptionalLong expectedVersion,
      BiFunction<Conversation, Instant, Conversation> change) {
    Checks.present("expectedVersion", expectedVersion);
    for (int attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
      if (attempt > 0) {
        backOff(attempt - 1);
        events.retrying("conversations." + operation, attempt + 1);
      }
      Conversation current = existing(user, id);
      if (expectedVersion.isPresent() && current.version() != expectedVersion.getAsLong()) {
        throw new ConflictException(Reason.VERSION_MISMATCH,
            "conversation " + id + " is at version " + current.version()
                + ", not the expected " + expectedVersion.getAsLong());
      }
      var stored = conversations.updateAttributes(change.apply(current, guard.now()), current.version());
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    throw new StoreFailureException(StoreFailureException.Kind.BUSY,
        "conversation " + id + " is being changed by too many writers at once; try again", null);
  }

  /**
   * A random pause whose bound doubles with the attempts up to 64 ms, so that racing writers stop
   * colliding also where a read and its update take milliseconds (a loaded server, a Citus shard).
   */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1 << Math.min(attempt + 1, 6)));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new StoreFailureException(StoreFailureException.Kind.BUSY, "interrupted while retrying a change", interrupted);
    }
  }

  private Conversation existing(UserId user, ConversationId id) {
    checkIds(user, id);
    return conversations.find(user, id).orElseThrow(() -> notFound(id));
  }

  private static void checkIds(UserId user, ConversationId id) {
    Checks.present("user", user);
    Checks.present("conversationId", id);
  }

  static NotFoundException notFound(ConversationId id) {
    return new NotFoundException("conversation", id);
  }
}
