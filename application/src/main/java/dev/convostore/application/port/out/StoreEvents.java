package dev.convostore.application.port.out;

/**
 * What the use cases report while they work that their results do not show, for the host's logs
 * and metrics. Implementations must be quick and must not throw; {@link #NONE} reports nowhere.
 */
public interface StoreEvents {

  /** Reports nowhere. */
  StoreEvents NONE = new StoreEvents() { };

  /**
   * A change lost a race with another writer and starts over on the fresh state.
   *
   * @param operation the use case, such as {@code conversations.rename}
   * @param attempt the attempt about to start, from 2
   */
  default void retrying(String operation, int attempt) { }
}
