package dev.convostore.integration.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * What Spring AI's chat memory expects of a {@link ChatMemoryRepository}: its argument checks,
 * {@code saveAll} replacing what {@code findByConversationId} returns, messages of every type coming
 * back equal, and what {@link MessageWindowChatMemory} relies on; on convostore over each store,
 * and on Spring AI's own in-memory repository, which shows it describes Spring AI's contract.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {ChatMemoryRepositoryContractTest.SPRING_AI, TestStores.MEMORY, TestStores.SQLITE, TestStores.POSTGRES})
class ChatMemoryRepositoryContractTest {

  /** Spring AI's own repository, the reference. */
  static final String SPRING_AI = "Spring AI's InMemoryChatMemoryRepository";

  @Parameter
  String backend;

  @TempDir
  Path folder;

  private ConvoStore store;
  private ChatMemoryRepository repository;

  @BeforeEach
  void openRepository() {
    if (backend.equals(SPRING_AI)) {
      repository = new InMemoryChatMemoryRepository();
    } else {
      store = TestStores.open(backend, folder);
      repository = ConvostoreChatMemoryRepository.builder(store).user(UserId.of("alice")).build();
    }
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void blankConversationIdsAreRefused() {
    for (String blank : Arrays.asList(null, "", "  ")) {
      assertThrows(IllegalArgumentException.class, () -> repository.findByConversationId(blank));
      assertThrows(IllegalArgumentException.class, () -> repository.saveAll(blank, List.of(new UserMessage("hi"))));
      assertThrows(IllegalArgumentException.class, () -> repository.deleteByConversationId(blank));
    }
  }

  @Test
  void missingMessagesAndMissingElementsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> repository.saveAll("c", null));
    assertThrows(IllegalArgumentException.class,
        () -> repository.saveAll("c", Arrays.asList(new UserMessage("hi"), null)));
    assertEquals(List.of(), repository.findByConversationId("c"), "a refused save stores nothing");
  }

  @Test
  void anUnknownConversationHasNoMessages() {
    assertEquals(List.of(), repository.findByConversationId("never-saved"));
  }

  @Test
  void whatIsSavedComesBackInOrder() {
    List<Message> messages = turns(3);
    repository.saveAll("c", messages);
    assertEquals(messages, repository.findByConversationId("c"));
  }

  @Test
  void savingAgainReplacesTheMessages() {
    repository.saveAll("c", turns(2));
    List<Message> replacement = List.of(new UserMessage("a new start"));
    repository.saveAll("c", replacement);
    assertEquals(replacement, repository.findByConversationId("c"));
    repository.saveAll("c", List.of());
    assertEquals(List.of(), repository.findByConversationId("c"));
  }

  @Test
  void aLongerOrATrimmedListComesBackAsSaved() {
    SystemMessage system = new SystemMessage("be brief");
    List<Message> first = new ArrayList<>(List.of(system));
    first.addAll(turns(2));
    repository.saveAll("c", first);
    List<Message> longer = new ArrayList<>(first);
    longer.addAll(turns(4).subList(4, 8));
    repository.saveAll("c", longer);
    assertEquals(longer, repository.findByConversationId("c"));
    List<Message> trimmed = new ArrayList<>(List.of(system));
    trimmed.addAll(longer.subList(5, longer.size()));
    trimmed.add(new UserMessage("and one more"));
    repository.saveAll("c", trimmed);
    assertEquals(trimmed, repository.findByConversationId("c"));
  }

  @Test
  void conversationIdsNameTheSavedConversationsUntilDeleted() {
    repository.saveAll("first", turns(1));
    repository.saveAll("second", turns(2));
    repository.saveAll("empty", List.of());
    assertEquals(Set.of("first", "second", "empty"), new HashSet<>(repository.findConversationIds()));
    repository.deleteByConversationId("first");
    repository.deleteByConversationId("never-saved");
    assertEquals(Set.of("second", "empty"), new HashSet<>(repository.findConversationIds()));
    assertEquals(List.of(), repository.findByConversationId("first"));
    assertEquals(turns(2), repository.findByConversationId("second"));
  }

  @Test
  void everyMessageTypeComesBackEqual() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("text", "café ☕");
    metadata.put("count", 3);
    metadata.put("big", 12_345_678_901L);
    metadata.put("small long", 7L);
    metadata.put("ratio", 0.25);
    metadata.put("whole double", 2.0);
    metadata.put("flag", true);
    metadata.put("nothing", null);
    metadata.put("list", List.of("a", 1, List.of(2L)));
    metadata.put("nested", Map.of("deep", Map.of("x", 1.5f), "slash/and~tilde", "ok"));
    List<Message> messages = List.of(
        SystemMessage.builder().text("You answer in French.").metadata(Map.of("version", 2)).build(),
        UserMessage.builder().text("What time is it in Paris and in Tokyo?").metadata(metadata).build(),
        AssistantMessage.builder().content(null).toolCalls(List.of(
            new AssistantMessage.ToolCall("call-1", "function", "clock", "{\"city\": \"Paris\"}"),
            new AssistantMessage.ToolCall("call-2", "function", "clock", "{\"city\":\"Tokyo\"}"))).build(),
        ToolResponseMessage.builder().responses(List.of(
            new ToolResponse("call-1", "clock", "09:00"),
            new ToolResponse("call-2", "clock", "17:00"))).metadata(Map.of("elapsed", 12)).build(),
        AssistantMessage.builder().content("Let me check again.").toolCalls(List.of(
            new AssistantMessage.ToolCall("", "function", "clock", "not json"))).build(),
        ToolResponseMessage.builder().responses(List.of(new ToolResponse("", "clock", ""))).build(),
        AssistantMessage.builder().content("Il est 9 h à Paris et 17 h à Tokyo.").properties(Map.of("finishReason", "STOP")).build(),
        new AssistantMessage(""),
        new UserMessage(" "));
    repository.saveAll("c", messages);
    List<Message> found = repository.findByConversationId("c");
    assertEquals(messages, found);
    assertInstanceOf(ToolResponseMessage.class, found.get(3));
    assertEquals(2, ((ToolResponseMessage) found.get(3)).getResponses().size());
  }

  @Test
  void aWindowMemoryKeepsItsSystemMessageAndItsLastMessages() {
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(10).build();
    SystemMessage system = new SystemMessage("be brief");
    memory.add("c", system);
    List<Message> all = turns(30);
    for (Message message : all) {
      memory.add("c", message);
    }
    List<Message> window = memory.get("c");
    assertTrue(window.size() <= 10, "the window holds at most 10 messages: " + window.size());
    assertEquals(system, window.get(0));
    assertInstanceOf(UserMessage.class, window.get(1), "the window starts at a user message");
    List<Message> rest = window.subList(1, window.size());
    assertEquals(all.subList(all.size() - rest.size(), all.size()), rest);
    assertEquals(window, repository.findByConversationId("c"));
  }

  @Test
  void aNewSystemMessageReplacesTheOldOne() {
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(10).build();
    memory.add("c", List.of(new SystemMessage("be brief"), new UserMessage("hi")));
    memory.add("c", List.of(new SystemMessage("be verbose"), new UserMessage("hi again")));
    assertEquals(List.of(new UserMessage("hi"), new SystemMessage("be verbose"), new UserMessage("hi again")),
        memory.get("c"));
  }

  @Test
  void aRepeatedMessageIsKeptTwice() {
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(2).build();
    memory.add("c", List.of(new UserMessage("hi"), new AssistantMessage("hello")));
    memory.add("c", new UserMessage("hi"));
    assertEquals(List.of(new UserMessage("hi")), memory.get("c"));
    memory.add("c", new AssistantMessage("hello"));
    assertEquals(List.of(new UserMessage("hi"), new AssistantMessage("hello")), memory.get("c"));
  }

  @Test
  void clearingForgetsTheConversation() {
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(10).build();
    memory.add("c", turns(3));
    memory.clear("c");
    assertEquals(List.of(), memory.get("c"));
    assertTrue(!repository.findConversationIds().contains("c"));
  }

  /** {@code count} user and assistant pairs, numbered. */
  static List<Message> turns(int count) {
    List<Message> messages = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      messages.add(new UserMessage("question " + i));
      messages.add(new AssistantMessage("answer " + i));
    }
    return messages;
  }
}
