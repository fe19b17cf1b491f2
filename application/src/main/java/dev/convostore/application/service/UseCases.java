package dev.convostore.application.service;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.ContextUseCase;
import dev.convostore.application.port.in.ConversationsUseCase;
import dev.convostore.application.port.in.HistoryUseCase;
import dev.convostore.application.port.in.MessagesUseCase;
import dev.convostore.application.port.in.RetentionUseCase;
import dev.convostore.application.port.in.TransferUseCase;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreEvents;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Every use case, implemented over one storage.
 *
 * @param conversations start, read, list, change and delete conversations
 * @param messages append messages
 * @param history read windows, recent activity, search and statistics
 * @param context manage context items
 * @param retention apply retention
 * @param transfer export and import whole conversations
 */
public record UseCases(
    ConversationsUseCase conversations,
    MessagesUseCase messages,
    HistoryUseCase history,
    ContextUseCase context,
    RetentionUseCase retention,
    TransferUseCase transfer) {

  /** The fewest bytes a cursor secret may have. */
  public static final int MIN_CURSOR_SECRET_BYTES = 32;

  /**
   * Wires the services, signing listing cursors with a random key: cursors then stay valid only
   * within this instance (see {@link #over(Storage, Clock, StoreLimits, byte[])}).
   *
   * @param storage where the data lives
   * @param clock the source of every timestamp the services assign
   * @param limits the input size limits
   */
  public static UseCases over(Storage storage, Clock clock, StoreLimits limits) {
    return over(storage, clock, limits, newCursorSecret());
  }

  /** A random cursor secret, which keeps cursors valid only within the instance that uses it. */
  public static byte[] newCursorSecret() {
    byte[] secret = new byte[MIN_CURSOR_SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  /**
   * Wires the services.
   *
   * @param storage where the data lives
   * @param clock the source of every timestamp the services assign
   * @param limits the input size limits
   * @param cursorSecret the key listing cursors are signed with, at least {@value
   *     #MIN_CURSOR_SECRET_BYTES} bytes; instances that serve each other's cursors (processes behind
   *     one load balancer, restarts) need the same one
   */
  public static UseCases over(Storage storage, Clock clock, StoreLimits limits, byte[] cursorSecret) {
    return over(storage, clock, limits, cursorSecret, StoreEvents.NONE);
  }

  /**
   * Wires the services, reporting what their results do not show (retries) to {@code events}.
   *
   * @see #over(Storage, Clock, StoreLimits, byte[])
   */
  public static UseCases over(
      Storage storage, Clock clock, StoreLimits limits, byte[] cursorSecret, StoreEvents events) {
    Checks.present("storage", storage);
    Checks.present("events", events);
    Checks.present("cursorSecret", cursorSecret);
    if (cursorSecret.length < MIN_CURSOR_SECRET_BYTES) {
      throw new ValidationException("cursorSecret", "must have at least " + MIN_CURSOR_SECRET_BYTES + " bytes");
    }
    Guard guard = new Guard(Checks.present("clock", clock), Checks.present("limits", limits));
    HistoryService history = new HistoryService(storage.messages());
    ConversationService conversations =
        new ConversationService(storage.conversations(), history, guard, new CursorCodec(cursorSecret), events);
    return new UseCases(
        conversations,
        new MessageService(storage.messages(), guard),
        history,
        new ContextService(storage.contextItems(), guard),
        new RetentionService(storage.retention(), guard),
        new TransferService(storage.conversations(), guard));
  }
}
