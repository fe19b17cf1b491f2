package dev.convostore.application.service;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ImportReport;
import dev.convostore.application.port.in.TransferUseCase;
import dev.convostore.application.port.out.ConversationRepository;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ConflictException.Reason;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

final class TransferService implements TransferUseCase {

  /** About how many rows (messages, context items, conversations) an import writes per transaction. */
  static final int IMPORT_BATCH_ROWS = 5_000;

  private final ConversationRepository conversations;
  private final Guard guard;

  TransferService(ConversationRepository conversations, Guard guard) {
    this.conversations = conversations;
    this.guard = guard;
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
  public void checkImport(ConversationSnapshot snapshot, ImportMode mode) {
    planned(Checks.present("snapshot", snapshot), Checks.present("mode", mode));
  }

  @Override
  public ImportReport importAll(Iterator<ConversationSnapshot> snapshots, ImportMode mode) {
    Checks.present("snapshots", snapshots);
    Checks.present("mode", mode);
    Batch batch = new Batch();
    long unchanged = 0;
    while (snapshots.hasNext()) {
      ConversationSnapshot snapshot = Checks.present("snapshot", snapshots.next());
      if (batch.holds(snapshot.conversation().id())) {
        batch.save(); // the same conversation again: planned against what the store holds
      }
      Optional<ConversationSnapshot> planned;
      try {
        planned = planned(snapshot, mode);
      } catch (RuntimeException refused) {
        batch.save(); // the conversations before the refused one stay imported
        throw refused;
      }
      if (planned.isEmpty()) {
        unchanged++;
      } else if (batch.add(planned.get())) {
        batch.save();
      }
    }
    batch.save();
    return new ImportReport(batch.conversations, batch.messages, batch.items, unchanged);
  }

  /** Conversations to import, saved together in one transaction once they hold {@value #IMPORT_BATCH_ROWS} rows. */
  private final class Batch {
    private final List<ConversationSnapshot> pending = new ArrayList<>();
    private final Set<ConversationId> ids = new HashSet<>();
    private long pendingRows;
    private long conversations;
    private long messages;
    private long items;

    boolean holds(ConversationId id) {
      return ids.contains(id);
    }

    /** Adds the snapshot; true when the batch is full. */
    boolean add(ConversationSnapshot snapshot) {
      pending.add(snapshot);
      ids.add(snapshot.conversation().id());
      pendingRows += snapshot.messages().size() + snapshot.contextItems().size() + 1;
      return pendingRows >= IMPORT_BATCH_ROWS;
    }

    void save() {
      if (pending.isEmpty()) {
        return;
      }
      TransferService.this.conversations.saveAll(List.copyOf(pending));
      for (ConversationSnapshot snapshot : pending) {
        conversations++;
        messages += snapshot.messages().size();
        items += snapshot.contextItems().size();
      }
      pending.clear();
      ids.clear();
      pendingRows = 0;
    }
  }

  /**
   * What importing the snapshot stores: itself when new; nothing when the store already holds it
   * (unless replacing, which rewrites every row, as re-encryption under a new key needs); otherwise
   * the replacement, one version past both, its sequences never below the stored ones.
   */
  private Optional<ConversationSnapshot> planned(ConversationSnapshot snapshot, ImportMode mode) {
    guard.snapshot(snapshot);
    Conversation incoming = snapshot.conversation();
    // One look-up for a new conversation, the usual case of an import.
    Optional<UserId> owner = conversations.ownerOf(incoming.id());
    if (owner.isEmpty()) {
      return Optional.of(snapshot);
    }
    if (!owner.get().equals(incoming.owner())) {
      throw new ConflictException(Reason.ID_IN_USE, "conversation " + incoming.id()
          + " belongs to another user; an import never changes a conversation's owner");
    }
    Optional<Conversation> found = conversations.find(incoming.owner(), incoming.id());
    if (found.isEmpty()) {
      return Optional.of(snapshot); // deleted since its owner was read
    }
    Conversation stored = found.get();
    if (mode == ImportMode.NEVER_BACKWARDS
        && withVersion(incoming, stored.version(), incoming.lastSequence()).equals(stored)) {
      return Optional.empty(); // imported before: only the version a replacement bumped may differ
    }
    boolean older = incoming.lastSequence() < stored.lastSequence() || incoming.updatedAt().isBefore(stored.updatedAt());
    if (older && mode == ImportMode.NEVER_BACKWARDS) {
      throw new ConflictException(Reason.OLDER_THAN_STORED, "conversation " + incoming.id()
          + " is older in the import (last sequence " + incoming.lastSequence() + ", active " + incoming.updatedAt()
          + ") than in the store (last sequence " + stored.lastSequence() + ", active " + stored.updatedAt()
          + "); importing it would lose what was added since, so nothing was changed");
    }
    Conversation replacement = withVersion(incoming, Math.max(stored.version(), incoming.version()) + 1,
        Math.max(stored.lastSequence(), incoming.lastSequence()));
    return Optional.of(new ConversationSnapshot(replacement, snapshot.messages(), snapshot.contextItems(), snapshot.feedback()));
  }

  private static Conversation withVersion(Conversation c, long version, long lastSequence) {
    return new Conversation(c.id(), c.owner(), c.title(), c.active(), c.createdAt(), c.updatedAt(), c.messageCount(),
        lastSequence, c.metadata(), c.agentState(), version);
  }
}
