package dev.convostore.application.port.out;

import dev.convostore.domain.Checks;
import dev.convostore.domain.ConflictException.Reason;
import dev.convostore.domain.ConflictException;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule of an append, written once for every adapter: which messages of a batch are stored
 * already (a retry), which client ids came back with other content, whether the conversation is
 * where the writer expected it. An adapter, inside its transaction, looks up the batch's client
 * ids, asks this plan what is new, takes that many sequence numbers and inserts {@link Result#inserted()}.
 */
public final class AppendPlan {

  private final AppendBatch batch;
  private final Map<MessageId, Message> stored;
  private final int freshCount;

  private AppendPlan(AppendBatch batch, Map<MessageId, Message> stored, int freshCount) {
    this.batch = batch;
    this.stored = stored;
    this.freshCount = freshCount;
  }

  /**
   * Decides the batch against the messages of its conversation that carry the batch's client ids.
   *
   * @throws ConflictException {@code MESSAGE_ID_REUSED} when a stored message has another content
   */
  public static AppendPlan of(AppendBatch batch, Map<MessageId, Message> storedWithClientIds) {
    Checks.present("batch", batch);
    Checks.present("storedWithClientIds", storedWithClientIds);
    int fresh = 0;
    for (NewMessage draft : batch.messages()) {
      Message existing = draft.id().map(storedWithClientIds::get).orElse(null);
      if (existing == null) {
        fresh++;
      } else if (!existing.matches(draft)) {
        throw new ConflictException(Reason.MESSAGE_ID_REUSED,
            "message " + existing.id() + " is already stored with different content");
      }
    }
    return new AppendPlan(batch, storedWithClientIds, fresh);
  }

  /** How many messages are new: the sequence numbers to take. None means a retry of a stored batch. */
  public int freshCount() {
    return freshCount;
  }

  /**
   * Refuses the append when the conversation's last sequence is not the one the writer expected.
   *
   * @throws ConflictException {@code SEQUENCE_MISMATCH}
   */
  public void requireLastSequence(long actualLastSequence) {
    if (batch.expectedLastSequence().isPresent() && batch.expectedLastSequence().getAsLong() != actualLastSequence) {
      throw sequenceMismatch(batch.conversationId(), actualLastSequence, batch.expectedLastSequence().getAsLong());
    }
  }

  /** The conflict of a conversation that has moved on from the expected last sequence. */
  public static ConflictException sequenceMismatch(ConversationId id, long actual, long expected) {
    return new ConflictException(Reason.SEQUENCE_MISMATCH,
        "conversation " + id + " has moved on to sequence " + actual + ", not the expected " + expected);
  }

  /**
   * Every message of the batch in order, stored ones as stored and new ones numbered up to {@code
   * lastSequence}, the last sequence taken (ignored when nothing is new).
   */
  public Result result(long lastSequence) {
    List<Message> all = new ArrayList<>(batch.messages().size());
    List<Message> inserted = new ArrayList<>(freshCount);
    long sequence = lastSequence - freshCount;
    for (NewMessage draft : batch.messages()) {
      Message message = draft.id().map(stored::get).orElse(null);
      if (message == null) {
        message = draft.toMessage(draft.id().orElseGet(MessageId::newId), batch.conversationId(), batch.owner(),
            ++sequence, batch.createdAt());
        inserted.add(message);
      }
      all.add(message);
    }
    return new Result(List.copyOf(all), List.copyOf(inserted));
  }

  /**
   * What the append returns and what the adapter inserts.
   *
   * @param messages every message of the batch, in order
   * @param inserted the new ones, in order
   */
  public record Result(List<Message> messages, List<Message> inserted) {}
}
