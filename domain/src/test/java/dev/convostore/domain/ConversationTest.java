package dev.convostore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationTest {

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  private static Conversation conversation(long messageCount, long lastSequence, Instant updatedAt) {
    return new Conversation(ConversationId.newId(), UserId.of("u"), Optional.empty(), true, NOW, updatedAt,
        messageCount, lastSequence, JsonObject.empty(), AgentState.initial(), 1);
  }

  @Test
  void invariantsNameTheirField() {
    assertEquals("updatedAt", assertThrows(ValidationException.class,
        () -> conversation(0, 0, NOW.minusSeconds(1))).field());
    assertEquals("messageCount", assertThrows(ValidationException.class, () -> conversation(3, 2, NOW)).field());
    assertEquals("lastSequence", assertThrows(ValidationException.class, () -> conversation(0, -1, NOW)).field());
  }

  @Test
  void instantsOutsideTheStorableRangeAreRejected() {
    assertEquals("createdAt", assertThrows(ValidationException.class,
        () -> Conversation.start(ConversationId.newId(), UserId.of("u"), Optional.empty(), JsonObject.empty(),
            Instant.parse("+10000-01-01T00:00:00Z"))).field());
  }

  @Test
  void changesBumpTheVersionAndNeverMoveActivityBack() {
    Conversation c = conversation(0, 0, NOW);
    Conversation renamed = c.renamed("t", NOW.minusSeconds(60));
    assertEquals(2, renamed.version());
    assertEquals(NOW, renamed.updatedAt());
  }

  @Test
  void afterAppendCountsAndTitles() {
    Conversation c = conversation(0, 0, NOW).afterAppend(3, NOW.plusSeconds(1), Optional.of("Hi"));
    assertEquals(3, c.messageCount());
    assertEquals(3, c.lastSequence());
    assertEquals(Optional.of("Hi"), c.title());
    assertEquals(Optional.of("Hi"), c.afterAppend(1, NOW, Optional.of("Other")).title());
  }

  @Test
  void generatedTitles() {
    assertEquals("Hello there", Conversation.titleFrom("  Hello\n\tthere  "));
    assertEquals("next line", Conversation.titleFrom("next\u0085line\u2028"), "Unicode controls and line breaks too");
    String longWord = "x".repeat(100);
    assertEquals("x".repeat(60) + "…", Conversation.titleFrom(longWord));
    String emoji = "a".repeat(59) + "\uD83D\uDE00" + "b".repeat(10);
    assertEquals("a".repeat(59) + "…", Conversation.titleFrom(emoji), "never cuts a surrogate pair");
  }

  @Test
  void messageShapes() {
    ToolResult result = ToolResult.of("c1", "weather", ToolOutcome.SUCCESS);
    assertEquals(MessageKind.TOOL_RESULT, NewMessage.toolResult(result, "").kind());
    assertEquals("toolResult", assertThrows(ValidationException.class, () -> new NewMessage(Optional.empty(),
        MessageRole.TOOL, MessageKind.TOOL_RESULT, "x", List.of(), Optional.empty(), JsonObject.empty())).field());
    assertEquals("toolCalls", assertThrows(ValidationException.class, () -> new NewMessage(Optional.empty(),
        MessageRole.USER, MessageKind.TEXT, "x", List.of(new ToolCall("c", "t", JsonObject.empty())),
        Optional.empty(), JsonObject.empty())).field());
    assertEquals("role", assertThrows(ValidationException.class, () -> new NewMessage(Optional.empty(),
        MessageRole.USER, MessageKind.TOOL_CALL, "", List.of(new ToolCall("c", "t", JsonObject.empty())),
        Optional.empty(), JsonObject.empty())).field());
    assertEquals("kind", assertThrows(ValidationException.class, () -> MessageKind.parse("VIDEO")).field());
    assertEquals(MessageRole.ASSISTANT, MessageRole.parse(" assistant "));
  }

  @Test
  void storedMessageMatchesItsDraft() {
    NewMessage draft = NewMessage.user("hi").withMetadata(JsonObject.of("a", 1));
    Message stored = draft.toMessage(MessageId.newId(), ConversationId.newId(), UserId.of("u"), 1, NOW);
    assertEquals(true, stored.matches(draft));
    assertEquals(false, stored.matches(NewMessage.user("hi")));
    assertEquals(stored.id(), stored.asNewMessage().id().orElseThrow());
  }

  @Test
  void relevanceNegativeZeroIsZero() {
    assertEquals(NewContextItem.of(ContextSource.RAG, "x", 0.0), NewContextItem.of(ContextSource.RAG, "x", -0.0));
  }
}
