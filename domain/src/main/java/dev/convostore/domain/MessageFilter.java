package dev.convostore.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which messages a history window or a search keeps: those of one of the roles and one of the
 * kinds; every role (kind) when none is given.
 *
 * @param roles the roles kept; all when empty
 * @param kinds the kinds kept; all when empty
 */
public record MessageFilter(Set<MessageRole> roles, Set<MessageKind> kinds) {

  /** Keeps every message. */
  public static final MessageFilter NONE = new MessageFilter(Set.of(), Set.of());

  /** Validates every component. */
  public MessageFilter {
    roles = members("roles", roles);
    kinds = members("kinds", kinds);
  }

  /** This filter keeping only messages of the given roles. */
  public MessageFilter withRoles(MessageRole... wanted) {
    return new MessageFilter(new HashSet<>(Arrays.asList(wanted)), kinds);
  }

  /** This filter keeping only messages of the given kinds. */
  public MessageFilter withKinds(MessageKind... wanted) {
    return new MessageFilter(roles, new HashSet<>(Arrays.asList(wanted)));
  }

  /** Whether it keeps every message. */
  public boolean keepsAll() {
    return roles.isEmpty() && kinds.isEmpty();
  }

  /** Whether {@code message} is kept. */
  public boolean admits(Message message) {
    return (roles.isEmpty() || roles.contains(message.role())) && (kinds.isEmpty() || kinds.contains(message.kind()));
  }

  private static <E> Set<E> members(String field, Set<E> values) {
    if (Checks.present(field, values).stream().anyMatch(Objects::isNull)) {
      throw new ValidationException(field, "must not hold null");
    }
    return Set.copyOf(values);
  }
}
