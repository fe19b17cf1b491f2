package dev.convostore.application.service;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.ContextUseCase;
import dev.convostore.application.port.in.ConversationsUseCase;
import dev.convostore.application.port.in.HistoryUseCase;
import dev.convostore.application.port.in.MessagesUseCase;
import dev.convostore.application.port.in.RetentionUseCase;
import dev.convostore.application.port.in.TransferUseCase;
import dev.convostore.application.port.out.Storage;
import dev.convostore.domain.Checks;
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

  /**
   * Wires the services.
   *
   * @param storage where the data lives
   * @param clock the source of every timestamp the services assign
   * @param limits the input size limits
   */
  public static UseCases over(Storage storage, Clock clock, StoreLimits limits) {
    Checks.present("storage", storage);
    Guard guard = new Guard(Checks.present("clock", clock), Checks.present("limits", limits));
    HistoryService history = new HistoryService(storage.messages());
    ConversationService conversations = new ConversationService(storage.conversations(), history, guard);
    return new UseCases(
        conversations,
        new MessageService(storage.messages(), guard),
        history,
        new ContextService(storage.contextItems(), guard),
        new RetentionService(storage.retention(), guard),
        new TransferService(storage.conversations(), conversations));
  }
}
