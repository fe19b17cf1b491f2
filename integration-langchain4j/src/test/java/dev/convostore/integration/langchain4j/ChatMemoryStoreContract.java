package dev.convostore.integration.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What LangChain4j's chat memory expects of a {@link ChatMemoryStore}: {@code updateMessages}
 * replacing what {@code getMessages} returns, messages of every type coming back equal, separate
 * memories, and what {@link MessageWindowChatMemory} relies on. LangChain4j's own in-memory store
 * passes it too, which shows it describes LangChain4j's contract.
 */
abstract class ChatMemoryStoreContract {

  ChatMemoryStore store;

  /** A new, empty store. */
  abstract ChatMemoryStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void anUnknownMemoryHasNoMessages() {
    assertEquals(List.of(), store.getMessages("never-updated"));
  }

  @Test
  void whatIsGivenComesBackInOrder() {
    store.updateMessages("m", turns(3));
    assertEquals(turns(3), store.getMessages("m"));
  }

  @Test
  void updatingAgainReplacesTheMessages() {
    store.updateMessages("m", turns(2));
    store.updateMessages("m", List.of(UserMessage.from("a new start")));
    assertEquals(List.of(UserMessage.from("a new start")), store.getMessages("m"));
    store.updateMessages("m", List.of());
    assertEquals(List.of(), store.getMessages("m"));
  }

  @Test
  void aLongerOrATrimmedListComesBackAsGiven() {
    List<ChatMessage> first = new ArrayList<>(List.of(SystemMessage.from("be brief")));
    first.addAll(turns(2));
    store.updateMessages("m", first);
    List<ChatMessage> longer = new ArrayList<>(first);
    longer.addAll(turns(4).subList(4, 8));
    store.updateMessages("m", longer);
    assertEquals(longer, store.getMessages("m"));
    List<ChatMessage> trimmed = new ArrayList<>(List.of(longer.get(0)));
    trimmed.addAll(longer.subList(5, longer.size()));
    trimmed.add(UserMessage.from("and one more"));
    store.updateMessages("m", trimmed);
    assertEquals(trimmed, store.getMessages("m"));
  }

  @Test
  void memoriesAreSeparateAndDeletedAlone() {
    store.updateMessages("first", turns(1));
    store.updateMessages(42, turns(2));
    store.deleteMessages("first");
    store.deleteMessages("never-updated");
    assertEquals(List.of(), store.getMessages("first"));
    assertEquals(turns(2), store.getMessages(42));
  }

  @Test
  void everyMessageTypeComesBackEqual() {
    List<ChatMessage> messages = List.of(
        SystemMessage.from("You answer in French."),
        UserMessage.from("What time is it in Paris and in Tokyo?"),
        UserMessage.from("ada", "I am Ada."),
        AiMessage.from(
            ToolExecutionRequest.builder().id("call-1").name("clock").arguments("{\"city\": \"Paris\"}").build(),
            ToolExecutionRequest.builder().id("call-2").name("clock").arguments("{\"city\":\"Tokyo\"}").build()),
        ToolExecutionResultMessage.from("call-1", "clock", "09:00"),
        ToolExecutionResultMessage.builder().id("call-2").toolName("clock").text("no such city").isError(true).build(),
        AiMessage.from("Let me check again.", List.of(
            ToolExecutionRequest.builder().id("").name("clock").arguments("not json").build())),
        AiMessage.from("Il est 9 h à Paris."),
        CustomMessage.from(Map.of("role", "critic", "score", 3)));
    store.updateMessages("m", messages);
    List<ChatMessage> found = store.getMessages("m");
    assertEquals(messages, found);
    assertInstanceOf(ToolExecutionResultMessage.class, found.get(5));
    assertTrue(((ToolExecutionResultMessage) found.get(5)).isError());
  }

  @Test
  void aWindowMemoryKeepsItsSystemMessageAndItsLastMessages() {
    ChatMemory memory = window("m", 10);
    SystemMessage system = SystemMessage.from("be brief");
    memory.add(system);
    List<ChatMessage> all = turns(30);
    all.forEach(memory::add);
    List<ChatMessage> window = memory.messages();
    assertEquals(10, window.size());
    assertEquals(system, window.get(0));
    assertEquals(all.subList(all.size() - 9, all.size()), window.subList(1, 10));
    assertEquals(window, store.getMessages("m"));
  }

  @Test
  void evictingAToolRequestEvictsItsResults() {
    ChatMemory memory = window("m", 3);
    memory.add(UserMessage.from("time?"));
    memory.add(AiMessage.from(ToolExecutionRequest.builder().id("c").name("clock").arguments("{}").build()));
    memory.add(ToolExecutionResultMessage.from("c", "clock", "12:00"));
    memory.add(AiMessage.from("It is noon."));
    memory.add(UserMessage.from("thanks"));
    assertEquals(List.of(AiMessage.from("It is noon."), UserMessage.from("thanks")), memory.messages());
  }

  @Test
  void aNewSystemMessageReplacesTheOldOne() {
    ChatMemory memory = window("m", 10);
    memory.add(SystemMessage.from("be brief"));
    memory.add(UserMessage.from("hi"));
    memory.add(SystemMessage.from("be verbose"));
    assertEquals(List.of(UserMessage.from("hi"), SystemMessage.from("be verbose")), memory.messages());
  }

  @Test
  void aRepeatedMessageIsKeptTwice() {
    ChatMemory memory = window("m", 2);
    memory.add(UserMessage.from("hi"));
    memory.add(AiMessage.from("hello"));
    memory.add(UserMessage.from("hi"));
    memory.add(AiMessage.from("hello"));
    assertEquals(List.of(UserMessage.from("hi"), AiMessage.from("hello")), memory.messages());
  }

  @Test
  void clearingForgetsTheMemory() {
    ChatMemory memory = window("m", 10);
    turns(3).forEach(memory::add);
    memory.clear();
    assertEquals(List.of(), memory.messages());
  }

  ChatMemory window(Object id, int maxMessages) {
    return MessageWindowChatMemory.builder().id(id).maxMessages(maxMessages).chatMemoryStore(store).build();
  }

  /** {@code count} user and assistant pairs, numbered. */
  static List<ChatMessage> turns(int count) {
    List<ChatMessage> messages = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      messages.add(UserMessage.from("question " + i));
      messages.add(AiMessage.from("answer " + i));
    }
    return messages;
  }
}
