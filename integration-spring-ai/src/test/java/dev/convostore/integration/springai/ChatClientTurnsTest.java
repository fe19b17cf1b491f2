package dev.convostore.integration.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Spring AI's own chat client, window memory (20 messages) and memory advisor over 500 turns,
 * with a language model double that answers, and every third turn first calls a tool. The memory
 * advisor sits inside the tool-calling loop, as Spring AI documents for keeping tool calls.
 */
class ChatClientTurnsTest {

  private static final int TURNS = 500;
  private static final int WINDOW = 20;
  private static final UserId USER = UserId.of("alice");

  @TempDir
  Path folder;

  @Test
  void sqliteKeepsEveryMessageOfEveryTurn() {
    try (ConvoStore store = TestStores.sqlite(folder)) {
      everyTurnIsKept(store);
    }
  }

  @Test
  void postgresKeepsEveryMessageOfEveryTurn() {
    try (ConvoStore store = TestStores.postgres()) {
      everyTurnIsKept(store);
    }
  }

  /** The same conversation on Spring AI's own repository: the prompts the model sees are the same. */
  @Test
  void theModelSeesWhatItSeesOnSpringAisOwnRepository() {
    try (ConvoStore store = TestStores.memory()) {
      ScriptedModel ours = converse(ConvostoreChatMemoryRepository.builder(store).user(USER).build());
      ScriptedModel theirs = converse(new InMemoryChatMemoryRepository());
      assertEquals(theirs.prompts, ours.prompts);
    }
  }

  private void everyTurnIsKept(ConvoStore store) {
    ScriptedModel model = converse(ConvostoreChatMemoryRepository.builder(store).user(USER).build());
    for (List<Message> prompt : model.prompts) {
      long fromMemory = prompt.stream().filter(message -> !(message instanceof SystemMessage)).count() - 1;
      assertTrue(fromMemory <= WINDOW, "the model saw " + fromMemory + " messages from memory");
      Set<String> calls = new HashSet<>();
      for (Message message : prompt) {
        if (message instanceof AssistantMessage assistant) {
          assistant.getToolCalls().forEach(call -> calls.add(call.id()));
        }
        if (message instanceof ToolResponseMessage response) {
          response.getResponses().forEach(one -> assertTrue(calls.contains(one.id()), "a response without its call"));
        }
      }
    }
    List<dev.convostore.domain.Message> stored = store.history().history(
        USER, ConvostoreChatMemoryRepository.convostoreId(USER, "chat"), HistoryRequest.after(0, HistoryRequest.MAX_LIMIT));
    List<String> expected = new ArrayList<>();
    for (int turn = 1; turn <= TURNS; turn++) {
      expected.add("USER TEXT question " + turn);
      if (turn % 3 == 0) {
        expected.add("ASSISTANT TOOL_CALL ");
        expected.add("TOOL TOOL_RESULT 12:00");
        expected.add("ASSISTANT TEXT at turn " + turn + " it is 12:00");
      } else {
        expected.add("ASSISTANT TEXT answer " + turn);
      }
    }
    assertEquals(expected, stored.stream().map(message -> message.role() + " " + message.kind() + " " + message.content()).toList());
    assertEquals(TURNS / 3, stored.stream().filter(message -> message.role() == MessageRole.ASSISTANT
        && message.kind() == MessageKind.TOOL_CALL && message.toolCalls().get(0).toolName().equals("clock")).count());
  }

  private static ScriptedModel converse(ChatMemoryRepository repository) {
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(WINDOW).build();
    ScriptedModel model = new ScriptedModel();
    ChatClient client = ChatClient.builder(model)
        .defaultToolCallbacks(new Clock())
        .defaultAdvisors(
            ToolCallingAdvisor.builder().disableInternalConversationHistory().build(),
            MessageChatMemoryAdvisor.builder(memory).order(ToolCallingAdvisor.DEFAULT_ORDER + 1).build())
        .build();
    for (int turn = 1; turn <= TURNS; turn++) {
      client.prompt().user("question " + turn)
          .advisors(advisor -> advisor.param(ChatMemory.CONVERSATION_ID, "chat"))
          .call()
          .content();
    }
    return model;
  }

  /** Answers each question; every third one it first asks the clock. Keeps every prompt it saw. */
  private static final class ScriptedModel implements ChatModel {

    final List<List<Message>> prompts = new ArrayList<>();

    @Override
    public ChatResponse call(Prompt prompt) {
      List<Message> messages = prompt.getInstructions().stream()
          .filter(message -> !(message instanceof SystemMessage system && system.getText().isEmpty()))
          .toList();
      prompts.add(messages);
      Message last = messages.get(messages.size() - 1);
      AssistantMessage answer;
      if (last instanceof ToolResponseMessage response) {
        String question = messages.stream().filter(UserMessage.class::isInstance).reduce((a, b) -> b).orElseThrow().getText();
        answer = new AssistantMessage("at turn " + question.substring("question ".length()) + " it is "
            + response.getResponses().get(0).responseData());
      } else {
        int turn = Integer.parseInt(last.getText().substring("question ".length()));
        answer = turn % 3 == 0
            ? AssistantMessage.builder().content("").toolCalls(List.of(
                new AssistantMessage.ToolCall("call-" + turn, "function", "clock", "{\"zone\":\"UTC\"}"))).build()
            : new AssistantMessage("answer " + turn);
      }
      return new ChatResponse(List.of(new Generation(answer)));
    }

    @Override
    public ChatOptions getOptions() {
      return ToolCallingChatOptions.builder().build();
    }
  }

  /** A tool that always tells the same time. */
  private static final class Clock implements ToolCallback {

    @Override
    public ToolDefinition getToolDefinition() {
      return ToolDefinition.builder().name("clock").description("tells the time")
          .inputSchema("{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\"}}}").build();
    }

    @Override
    public String call(String toolInput) {
      return "12:00";
    }
  }
}
