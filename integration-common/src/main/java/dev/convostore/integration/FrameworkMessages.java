package dev.convostore.integration;

import dev.convostore.domain.JsonObject;
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
public abstract class FrameworkMessages<M> {

  private final String framework;
  private final String notesMember;
  private final Class<? extends M> systemMessage;

  /**
   * @param framework the name of the framework in its conversations' ids, such as {@code spring-ai}
   * @param notesMember the message metadata member that holds the framework's notes
   * @param systemMessage the framework's system message type, which window memories keep while they trim
   */
  protected FrameworkMessages(String framework, String notesMember, Class<? extends M> systemMessage) {
    this.framework = framework;
    this.notesMember = notesMember;
    this.systemMessage = systemMessage;
  }

  /** The convostore messages that hold {@code message} (one, or several for a message of several parts). */
  public abstract List<NewMessage> toConvostore(M message);

  /** The framework's messages that {@code stored} holds, in order, each with the sequences it spans. */
  public abstract List<Stored<M>> fromConvostore(List<Message> stored);

  /** The name of the framework in its conversations' ids. */
  public String framework() {
    return framework;
  }

  /** The message metadata member that holds the framework's notes. */
  public String notesMember() {
    return notesMember;
  }

  /** The notes a message's {@code metadata} holds under {@code notesMember}; empty when there are none. */
  public static JsonObject notes(JsonObject metadata, String notesMember) {
    return metadata.get(notesMember).filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .orElse(JsonObject.empty());
  }

  /** Whether {@code message} is a system message. */
  public boolean isSystem(M message) {
    return systemMessage.isInstance(message);
  }

  /** One framework message and the convostore sequences that hold it. */
  public record Stored<M>(M message, long firstSequence, long lastSequence) {}
}
