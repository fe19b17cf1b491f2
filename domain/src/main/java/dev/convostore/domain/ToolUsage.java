package dev.convostore.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one tool was used in a conversation, or across a user's conversations over a time range.
 *
 * @param toolName the tool
 * @param calls how many times assistant messages called it
 * @param outcomes how many tool results reported each outcome (every outcome present, zero when
 *     none)
 */
public record ToolUsage(String toolName, long calls, Map<ToolOutcome, Long> outcomes) {

  /** Copies the outcome counts, filling in zeros. */
  public ToolUsage {
    EnumMap<ToolOutcome, Long> all = new EnumMap<>(ToolOutcome.class);
    for (ToolOutcome outcome : ToolOutcome.values()) {
      all.put(outcome, outcomes.getOrDefault(outcome, 0L));
    }
    outcomes = Map.copyOf(all);
  }

  /** How each tool was used in the messages, sorted by tool name: the calls they make and the results they hold. */
  public static List<ToolUsage> of(Collection<Message> messages) {
    Tally tally = new Tally();
    messages.forEach(tally::add);
    return tally.usage();
  }

  /** Counts tool use one message at a time, for messages read as a stream rather than held. */
  public static final class Tally {

    private final Map<String, Long> calls = new HashMap<>();
    private final Map<String, Map<ToolOutcome, Long>> outcomes = new HashMap<>();

    /** Counts the calls {@code message} makes and the result it holds. */
    public void add(Message message) {
      for (ToolCall call : message.toolCalls()) {
        calls.merge(call.toolName(), 1L, Long::sum);
      }
      message.toolResult().ifPresent(result -> outcomes
          .computeIfAbsent(result.toolName(), tool -> new EnumMap<>(ToolOutcome.class))
          .merge(result.outcome(), 1L, Long::sum));
    }

    /** How each tool was used in the messages counted so far, sorted by tool name. */
    public List<ToolUsage> usage() {
      Set<String> tools = new TreeSet<>(calls.keySet());
      tools.addAll(outcomes.keySet());
      return tools.stream()
          .map(tool -> new ToolUsage(tool, calls.getOrDefault(tool, 0L), outcomes.getOrDefault(tool, Map.of())))
          .toList();
    }
  }
}
