package dev.convostore.application.service;

import dev.convostore.application.port.in.ImportReport;
import dev.convostore.application.port.in.TransferUseCase;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.UserId;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

final class TransferService implements TransferUseCase {

  private final ConversationRepository conversations;
  private final ConversationService saver;

  TransferService(ConversationRepository conversations, ConversationService saver) {
    this.conversations = conversations;
    this.saver = saver;
  }

  @Override
  public Stream<ConversationSnapshot> export(UserId user) {
    return conversations.export(Optional.of(Checks.present("user", user)));
  }

  @Override
  public Stream<ConversationSnapshot> exportAll() {
    return conversations.export(Optional.empty());
  }

  @Override
  public ImportReport importAll(Iterator<ConversationSnapshot> snapshots) {
    Checks.present("snapshots", snapshots);
    long conversationCount = 0;
    long messageCount = 0;
    long itemCount = 0;
    while (snapshots.hasNext()) {
      ConversationSnapshot snapshot = Checks.present("snapshot", snapshots.next());
      saver.store(snapshot);
      conversationCount++;
      messageCount += snapshot.messages().size();
      itemCount += snapshot.contextItems().size();
    }
    return new ImportReport(conversationCount, messageCount, itemCount);
  }
}
