package dev.convostore.integration;

import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import java.util.List;

/**
 * A chat framework's messages as convostore messages and back, equal to what was given. What
 * convostore's types cannot hold as given goes into the framework's notes: a member of the message
 * metadata ({@link #notesMember()}) that the framework's own metadata must not use.
 *
 * @param <M> the framework's message type
 */
public interface FrameworkMessages<M> {

  /** The name of the framework in its conversations' ids, such as {@code spring-ai}. */
  String framework();

  /** The message metadata member that holds the framework's notes. */
  String notesMember();

  /** The convostore messages that hold {@code message} (one, or several for a message of several parts). */
  List<NewMessage> toConvostore(M message);

  /** The framework's messages that {@code stored} holds, in order, each with the sequences it spans. */
  List<Stored<M>> fromConvostore(List<Message> stored);

  /** Whether {@code message} is a system message, which window memories keep while they trim. */
  boolean isSystem(M message);

  /** One framework message and the convostore sequences that hold it. */
  record Stored<M>(M message, long firstSequence, long lastSequence) {}
}
