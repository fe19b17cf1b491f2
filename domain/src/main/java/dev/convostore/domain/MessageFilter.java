package dev.convostore.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which messages a history window or a search keeps: those of one of the roles, one of the kinds
 * and, when tool names are given, the tool calls and tool results of one of those tools; every
 * role (kind, tool) when none is given.
 *
 * @param roles the roles kept; all when empty
 * @param kinds the kinds kept; all when empty
 * @param toolNames when not empty, only tool calls naming one of these tools (a message making
 *     several calls is kept when any of them does) and results of one of them are kept
 */
public record MessageFilter(Set<MessageRole> roles, Set<MessageKind> kinds, Set<String> toolNames) {

  /** Keeps every message. */
  public static final MessageFilter NONE = new MessageFilter(Set.of(), Set.of(), Set.of());

  /** Validates every component. */
  public MessageFilter {
    roles = members("roles", roles);
    kinds = members("kinds", kinds);
    toolNames = members("toolNames", toolNames);
    toolNames.forEach(name -> Checks.name("toolNames", name, ToolCall.MAX_TOOL_NAME_LENGTH));
  }

  /** This filter keeping only messages of the given roles. */
  public MessageFilter withRoles(MessageRole... wanted) {
    return new MessageFilter(new HashSet<>(Arrays.asList(wanted)), kinds, toolNames);
  }

  /** This filter keeping only messages of the given kinds. */
  public MessageFilter withKinds(MessageKind... wanted) {
    return new MessageFilter(roles, new HashSet<>(Arrays.asList(wanted)), toolNames);
  }

  /** This filter keeping only the calls and results of the given tools. */
  public MessageFilter withToolNames(String... wanted) {
    return new MessageFilter(roles, kinds, new HashSet<>(Arrays.asList(wanted)));
  }

  /** Whether it keeps every message. */
  public boolean keepsAll() {
    return roles.isEmpty() && kinds.isEmpty() && toolNames.isEmpty();
  }

  /** Whether {@code message} is kept. */
  public boolean admits(Message message) {
    return (roles.isEmpty() || roles.contains(message.role()))
        && (kinds.isEmpty() || kinds.contains(message.kind()))
        && (toolNames.isEmpty() || usesANamedTool(message));
  }

  private boolean usesANamedTool(Message message) {
    return message.toolCalls().stream().anyMatch(call -> toolNames.contains(call.toolName()))
        || message.toolResult().filter(result -> toolNames.contains(result.toolName())).isPresent();
  }

  private static <E> Set<E> members(String field, Set<E> values) {
    if (Checks.present(field, values).stream().anyMatch(Objects::isNull)) {
      throw new ValidationException(field, "must not hold null");
    }
    return Set.copyOf(values);
  }
}
