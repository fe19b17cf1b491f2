package dev.convostore.integration.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
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
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What LangChain4j's chat memory expects of a {@link ChatMemoryStore}: {@code updateMessages}
 * replacing what {@code getMessages} returns, messages of every type coming back equal, separate
 * memories, and what {@link MessageWindowChatMemory} relies on; on convostore over each store, and
 * on LangChain4j's own in-memory store, which shows it describes LangChain4j's contract.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {ChatMemoryStoreContractTest.LANGCHAIN4J, TestStores.MEMORY, TestStores.SQLITE, TestStores.POSTGRES})
class ChatMemoryStoreContractTest {

  /** LangChain4j's own store, the reference. */
  static final String LANGCHAIN4J = "LangChain4j's InMemoryChatMemoryStore";

  @Parameter
  String backend;

  @TempDir
  Path folder;

  private ConvoStore convoStore;
  private ChatMemoryStore store;

  @BeforeEach
  void openStore() {
    if (backend.equals(LANGCHAIN4J)) {
      store = new InMemoryChatMemoryStore();
    } else {
      convoStore = TestStores.open(backend, folder);
      store = ConvostoreChatMemoryStore.builder(convoStore).user(UserId.of("alice")).build();
    }
  }

  @AfterEach
  void close() {
    if (convoStore != null) {
      convoStore.close();
    }
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
    assertEquals(List.of(AiMessage.from("It is noon."), UserMessage.from("thanks")), afterAdding(3,
        UserMessage.from("time?"), AiMessage.from(ToolExecutionRequest.builder().id("c").name("clock").arguments("{}").build()),
        ToolExecutionResultMessage.from("c", "clock", "12:00"), AiMessage.from("It is noon."), UserMessage.from("thanks")));
  }

  @Test
  void aNewSystemMessageReplacesTheOldOne() {
    assertEquals(List.of(UserMessage.from("hi"), SystemMessage.from("be verbose")),
        afterAdding(10, SystemMessage.from("be brief"), UserMessage.from("hi"), SystemMessage.from("be verbose")));
  }

  @Test
  void aRepeatedMessageIsKeptTwice() {
    assertEquals(List.of(UserMessage.from("hi"), AiMessage.from("hello")),
        afterAdding(2, UserMessage.from("hi"), AiMessage.from("hello"), UserMessage.from("hi"), AiMessage.from("hello")));
  }

  @Test
  void clearingForgetsTheMemory() {
    ChatMemory memory = window("m", 10);
    turns(3).forEach(memory::add);
    memory.clear();
    assertEquals(List.of(), memory.messages());
  }

  /** What a window memory of {@code maxMessages} holds after these messages were added one by one. */
  private List<ChatMessage> afterAdding(int maxMessages, ChatMessage... messages) {
    ChatMemory memory = window("m", maxMessages);
    for (ChatMessage message : messages) {
      memory.add(message);
    }
    return memory.messages();
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
