package dev.convostore.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * How one tool was used in a conversation.
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
}
