package dev.convostore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each invariant rejects bad input with an error naming its field. */
class InvariantsTest {

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final ConversationId CONVERSATION = ConversationId.newId();
  private static final UserId OWNER = UserId.of("owner");

  private static void assertField(String field, Executable construction) {
    assertEquals(field, assertThrows(ValidationException.class, construction).field());
  }

  @Test
  void conversationVersionStartsAtOne() {
    assertField("version", () -> new Conversation(CONVERSATION, OWNER, Optional.empty(), true, NOW, NOW, 0, 0,
        JsonObject.empty(), AgentState.initial(), 0));
  }

  @Test
  void conversationRequiresItsParts() {
    assertField("id", () -> new Conversation(null, OWNER, Optional.empty(), true, NOW, NOW, 0, 0,
        JsonObject.empty(), AgentState.initial(), 1));
    assertField("metadata", () -> new Conversation(CONVERSATION, OWNER, Optional.empty(), true, NOW, NOW, 0, 0,
        null, AgentState.initial(), 1));
    assertField("title", () -> new Conversation(CONVERSATION, OWNER, null, true, NOW, NOW, 0, 0,
        JsonObject.empty(), AgentState.initial(), 1));
  }

  @Test
  void messageSequenceStartsAtOne() {
    assertField("sequence", () -> NewMessage.user("hi").toMessage(MessageId.newId(), CONVERSATION, OWNER, 0, NOW));
  }

  @Test
  void toolResultActionMustNotBeBlank() {
    assertField("actionTaken", () -> new ToolResult("c", "t", ToolOutcome.SUCCESS, Optional.of("  ")));
    assertField("outcome", () -> new ToolResult("c", "t", null, Optional.empty()));
    assertField("callId", () -> ToolResult.of("x".repeat(ToolCall.MAX_CALL_ID_LENGTH + 1), "t", ToolOutcome.ERROR));
  }

  @Test
  void toolNamesHaveNoControlCharacters() {
    assertField("toolName", () -> new ToolCall("c", "line\nbreak", JsonObject.empty()));
    assertField("arguments", () -> new ToolCall("c", "t", null));
  }

  @Test
  void contextItemOptionalTextsAreBounded() {
    NewContextItem item = NewContextItem.of(ContextSource.RAG, "x", 0.5);
    assertField("contextType", () -> item.withContextType("t".repeat(NewContextItem.MAX_TYPE_LENGTH + 1)));
    assertField("preferenceType", () -> item.withPreferenceType(" "));
    assertField("focusArea", () -> item.withFocusArea("f".repeat(AgentState.MAX_FOCUS_AREA_LENGTH + 1)));
    assertField("source", () -> ContextSource.of("x".repeat(65)));
    assertField("createdAt", () -> new ContextItem(ContextItemId.newId(), CONVERSATION, item, null));
  }

  @Test
  void agentStateHoldsAtMostAHundredFocusAreas() {
    List<String> areas = IntStream.rangeClosed(1, AgentState.MAX_FOCUS_AREAS + 1).mapToObj(i -> "area " + i).toList();
    assertField("agentState.focusAreas", () -> new AgentState(0, areas, Optional.empty(), Optional.empty()));
    assertEquals(AgentState.MAX_FOCUS_AREAS,
        new AgentState(0, areas.subList(0, AgentState.MAX_FOCUS_AREAS), Optional.empty(), Optional.empty()).focusAreas().size());
    assertField("agentState.lastUserInput",
        () -> new AgentState(0, List.of(), Optional.of("nul\0"), Optional.empty()));
  }

  @Test
  void listsRejectNullElements() {
    assertField("toolCalls[0]", () -> new NewMessage(Optional.empty(), MessageRole.ASSISTANT, MessageKind.TOOL_CALL, "",
        Collections.singletonList(null), Optional.empty(), JsonObject.empty()));
  }

  @Test
  void snapshotRejectsRepeatedIdsAndForeignItems() {
    Conversation two = new Conversation(CONVERSATION, OWNER, Optional.empty(), true, NOW, NOW, 2, 2,
        JsonObject.empty(), AgentState.initial(), 1);
    MessageId id = MessageId.newId();
    Message first = NewMessage.user("a").toMessage(id, CONVERSATION, OWNER, 1, NOW);
    Message again = NewMessage.user("b").toMessage(id, CONVERSATION, OWNER, 2, NOW);
    assertField("messages[1].id", () -> new ConversationSnapshot(two, List.of(first, again), List.of()));

    Conversation empty = Conversation.start(CONVERSATION, OWNER, Optional.empty(), JsonObject.empty(), NOW);
    ContextItem foreign = new ContextItem(ContextItemId.newId(), ConversationId.newId(),
        NewContextItem.of(ContextSource.RAG, "x", 0.5), NOW);
    assertField("contextItems[0]", () -> new ConversationSnapshot(empty, List.of(), List.of(foreign)));
    ContextItem item = new ContextItem(ContextItemId.newId(), CONVERSATION, NewContextItem.of(ContextSource.RAG, "x", 0.5), NOW);
    assertField("contextItems[1].id", () -> new ConversationSnapshot(empty, List.of(), List.of(item, item)));
  }

  @Test
  void sequencesBeyondTheLastSequenceAreRejected() {
    Conversation one = new Conversation(CONVERSATION, OWNER, Optional.empty(), true, NOW, NOW, 1, 1,
        JsonObject.empty(), AgentState.initial(), 1);
    Message beyond = NewMessage.user("a").toMessage(MessageId.newId(), CONVERSATION, OWNER, 2, NOW);
    assertField("messages[0].sequence", () -> new ConversationSnapshot(one, List.of(beyond), List.of()));
  }
}
