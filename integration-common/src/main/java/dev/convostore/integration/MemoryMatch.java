package dev.convostore.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which messages of a saved list the memory already holds. A window memory (Spring AI's and
 * LangChain4j's {@code MessageWindowChatMemory}) saves the memory it read, trimmed from the front
 * (its system messages kept, unless a new one replaces them), followed by the new messages. So the list
 * begins with messages of the memory, in the memory's order, and that run ends with the memory's
 * last message; when the trimming removed every other message, it is the memory's system messages
 * alone. Everything after that beginning is new.
 */
final class MemoryMatch {

  private MemoryMatch() {}

  /**
   * The positions in {@code memory} of the messages that begin {@code saved}: the longest
   * beginning that ends with the memory's last message and appears in the memory in order, or
   * else the system messages of the memory that begin it. The rest of {@code saved} is new.
   */
  static <M> List<Integer> kept(List<M> memory, List<M> saved, Predicate<M> isSystem) {
    if (memory.isEmpty()) {
      return List.of();
    }
    M last = memory.get(memory.size() - 1);
    for (int length = Math.min(saved.size(), memory.size()); length > 0; length--) {
      if (saved.get(length - 1).equals(last)) {
        List<Integer> positions = endingAtLast(memory, saved.subList(0, length));
        if (positions != null) {
          return positions;
        }
      }
    }
    return leadingSystemMessages(memory, saved, isSystem);
  }

  /** The latest positions at which {@code run} appears in order, its last at the memory's last; or null. */
  private static <M> List<Integer> endingAtLast(List<M> memory, List<M> run) {
    Integer[] positions = new Integer[run.size()];
    int at = memory.size() - 1;
    positions[run.size() - 1] = at;
    for (int i = run.size() - 2; i >= 0; i--) {
      at--;
      while (at >= 0 && !memory.get(at).equals(run.get(i))) {
        at--;
      }
      if (at < 0) {
        return null;
      }
      positions[i] = at;
    }
    return List.of(positions);
  }

  private static <M> List<Integer> leadingSystemMessages(List<M> memory, List<M> saved, Predicate<M> isSystem) {
    List<Integer> positions = new ArrayList<>();
    int at = 0;
    for (M message : saved) {
      if (!isSystem.test(message)) {
        break;
      }
      while (at < memory.size() && !memory.get(at).equals(message)) {
        at++;
      }
      if (at == memory.size()) {
        break;
      }
      positions.add(at++);
    }
    return positions;
  }
}
