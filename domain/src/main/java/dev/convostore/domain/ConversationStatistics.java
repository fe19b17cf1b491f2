package dev.convostore.domain;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over the messages a conversation holds now.
 *
 * @param conversationId the conversation
 * @param messagesByRole how many messages each role wrote (every role present, zero when none)
 * @param tools how each tool was used, by tool name
 */
public record ConversationStatistics(
    ConversationId conversationId, Map<MessageRole, Long> messagesByRole, List<ToolUsage> tools) {

  /** Copies the counts, filling in zeros and sorting the tools by name. */
  public ConversationStatistics {
    EnumMap<MessageRole, Long> all = new EnumMap<>(MessageRole.class);
    for (MessageRole role : MessageRole.values()) {
      all.put(role, messagesByRole.getOrDefault(role, 0L));
    }
    messagesByRole = Map.copyOf(all);
    tools = tools.stream().sorted(Comparator.comparing(ToolUsage::toolName)).toList();
  }

  /** How many messages the conversation holds. */
  public long messageCount() {
    return messagesByRole.values().stream().mapToLong(Long::longValue).sum();
  }
}
