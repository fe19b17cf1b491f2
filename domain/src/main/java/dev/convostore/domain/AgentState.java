package dev.convostore.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The agent's working state for one conversation, kept with the conversation.
 *
 * @param stepCount how many steps the agent has taken
 * @param focusAreas what the agent is currently concentrating on, in the agent's order, without
 *     duplicates
 * @param lastUserInput the last input the agent received from the user
 * @param lastToolResult the result of the agent's last tool call, as JSON
 */
public record AgentState(
    long stepCount,
    List<String> focusAreas,
    Optional<String> lastUserInput,
    Optional<JsonValue> lastToolResult) {

  /** Most focus areas an agent may hold at once. */
  public static final int MAX_FOCUS_AREAS = 100;

  /** Longest focus area name. */
  public static final int MAX_FOCUS_AREA_LENGTH = 200;

  private static final AgentState INITIAL = new AgentState(0, List.of(), Optional.empty(), Optional.empty());

  /** Validates every component. */
  public AgentState {
    Checks.nonNegative("agentState.stepCount", stepCount);
    focusAreas = Checks.list("agentState.focusAreas", focusAreas).stream()
        .map(area -> Checks.name("agentState.focusAreas", area, MAX_FOCUS_AREA_LENGTH))
        .toList();
    if (focusAreas.size() > MAX_FOCUS_AREAS) {
      throw new ValidationException(
          "agentState.focusAreas", "must hold at most " + MAX_FOCUS_AREAS + " entries");
    }
    if (new HashSet<>(focusAreas).size() != focusAreas.size()) {
      throw new ValidationException("agentState.focusAreas", "must not repeat an entry");
    }
    Checks.present("agentState.lastUserInput", lastUserInput)
        .ifPresent(input -> Checks.text("agentState.lastUserInput", input, 0, Integer.MAX_VALUE));
    Checks.present("agentState.lastToolResult", lastToolResult);
  }

  /** The state of an agent that has not started: no steps, no focus, nothing seen. */
  public static AgentState initial() {
    return INITIAL;
  }
}
