package dev.convostore.bootstrap;

import dev.convostore.domain.ConversationId;
import java.util.Optional;

/** Where a store reports its calls for metrics and tracing; {@link #NONE} when nothing is configured. */
interface Monitor {

  /** One call under way. */
  interface Call {
    /** The call ended, with {@code failure} (null on success) and its outcome's name. */
    void stop(Throwable failure, String outcome);
  }

  /** Reports nowhere. */
  Monitor NONE = new Monitor() {
    @Override
    public Call start(String operation, Optional<ConversationId> conversation) {
      return (failure, outcome) -> { };
    }
  };

  /** A call of {@code operation} starts, about {@code conversation} when it is about one. */
  Call start(String operation, Optional<ConversationId> conversation);

  /** An append stored (or found stored) this many messages. */
  default void appended(int messages) { }

  /** A call failed on a conflict with another writer. */
  default void conflict(String operation) { }

  /** A use case retries a change after losing a race. */
  default void retried(String operation) { }
}
