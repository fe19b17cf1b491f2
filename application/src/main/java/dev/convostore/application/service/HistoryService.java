package dev.convostore.application.service;

import dev.convostore.application.port.in.HistoryUseCase;
import dev.convostore.application.port.out.MessageRepository;
import dev.convostore.domain.Checks;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationStatistics;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFilter;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.NotFoundException;
import dev.convostore.domain.SearchTerms;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

final class HistoryService implements HistoryUseCase {

  /** Messages read per step when a window reaches back for a tool call. */
  private static final int REACH_BACK_PAGE = 50;

  /** How far a window reaches back for a tool call before it gives up (the call was trimmed away). */
  private static final int MAX_REACH_BACK = 10_000;

  private final MessageRepository messages;

  HistoryService(MessageRepository messages) {
    this.messages = messages;
  }

  @Override
  public List<Message> history(UserId user, ConversationId conversationId, HistoryRequest request) {
    Checks.present("user", user);
    Checks.present("conversationId", conversationId);
    Checks.present("request", request);
    List<Message> window = messages.window(user, conversationId, request)
        .orElseThrow(() -> ConversationService.notFound(conversationId));
    return request.filter().keepsAll()
        ? withCallOfLeadingResult(user, conversationId, window) : withCallsOfResults(user, conversationId, window);
  }

  @Override
  public Message message(UserId user, ConversationId conversationId, MessageId messageId) {
    return MessageService.stored(messages, user, conversationId, messageId);
  }

  @Override
  public List<Message> recentActivity(UserId user, int limit) {
    Checks.present("user", user);
    return messages.recent(user, Checks.positive("limit", limit, MAX_RESULTS));
  }

  @Override
  public List<Message> search(UserId user, String query, MessageFilter filter, int limit) {
    Checks.present("user", user);
    SearchTerms terms = SearchTerms.parse(query);
    return messages.search(user, terms, Checks.present("filter", filter), Checks.positive("limit", limit, MAX_RESULTS));
  }

  @Override
  public ConversationStatistics statistics(UserId user, ConversationId conversationId) {
    Checks.present("user", user);
    Checks.present("conversationId", conversationId);
    return messages.statistics(user, conversationId)
        .orElseThrow(() -> ConversationService.notFound(conversationId));
  }

  @Override
  public List<ToolUsage> toolUsage(UserId user, Instant from, Instant to) {
    Checks.present("user", user);
    Checks.instant("from", from);
    if (!Checks.instant("to", to).isAfter(from)) {
      throw new ValidationException("to", "must be after from");
    }
    return messages.toolUsage(user, from, to);
  }

  /**
   * A window starting with a tool result whose call lies before it is extended back to the
   * assistant message that made the call, so a model never sees an answer without its question.
   * If the call is not found (retention removed it), the window is returned as it was.
   */
  private List<Message> withCallOfLeadingResult(UserId user, ConversationId id, List<Message> window) {
    if (window.isEmpty() || window.get(0).kind() != MessageKind.TOOL_RESULT) {
      return window;
    }
    String callId = window.get(0).toolResult().orElseThrow().callId();
    if (window.stream().anyMatch(m -> makesCall(m, callId))) {
      return window;
    }
    List<Message> extended = new ArrayList<>(window);
    while (extended.size() - window.size() < MAX_REACH_BACK) {
      List<Message> earlier = messages
          .window(user, id, HistoryRequest.before(extended.get(0).sequence(), REACH_BACK_PAGE))
          .orElse(List.of());
      if (earlier.isEmpty()) {
        return window;
      }
      for (int i = earlier.size() - 1; i >= 0; i--) {
        extended.add(0, earlier.get(i));
        if (makesCall(earlier.get(i), callId)) {
          return List.copyOf(extended);
        }
      }
    }
    return window;
  }

  /**
   * A filtered window can leave out the call of any tool result it holds: each such result brings
   * the assistant message that made its call, found walking back from the last of them. A call not
   * found (retention removed it) is left out.
   */
  private List<Message> withCallsOfResults(UserId user, ConversationId id, List<Message> window) {
    Set<String> made = window.stream().flatMap(m -> m.toolCalls().stream()).map(ToolCall::callId).collect(Collectors.toSet());
    List<Message> orphans = window.stream()
        .filter(m -> m.toolResult().filter(result -> !made.contains(result.callId())).isPresent())
        .toList();
    if (orphans.isEmpty()) {
      return window;
    }
    Set<String> missing = orphans.stream().map(m -> m.toolResult().orElseThrow().callId()).collect(Collectors.toSet());
    TreeMap<Long, Message> withCalls = new TreeMap<>();
    window.forEach(message -> withCalls.put(message.sequence(), message));
    long before = orphans.get(orphans.size() - 1).sequence();
    for (int read = 0; !missing.isEmpty() && read < MAX_REACH_BACK; ) {
      List<Message> earlier = messages.window(user, id, HistoryRequest.before(before, REACH_BACK_PAGE)).orElse(List.of());
      if (earlier.isEmpty()) {
        break;
      }
      for (Message message : earlier) {
        if (message.toolCalls().stream().anyMatch(call -> missing.contains(call.callId()))) {
          withCalls.put(message.sequence(), message);
          message.toolCalls().forEach(call -> missing.remove(call.callId()));
        }
      }
      read += earlier.size();
      before = earlier.get(0).sequence();
    }
    return List.copyOf(withCalls.values());
  }

  private static boolean makesCall(Message message, String callId) {
    return message.toolCalls().stream().map(ToolCall::callId).anyMatch(callId::equals);
  }
}
