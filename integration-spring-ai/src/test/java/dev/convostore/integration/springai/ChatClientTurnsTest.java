package dev.convostore.integration.springai;

import static dev.convostore.integration.ToolTurns.TURNS;
import static dev.convostore.integration.ToolTurns.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import dev.convostore.integration.ToolTurns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

  private static final UserId USER = UserId.of("alice");

  @TempDir
  Path folder;

  @ParameterizedTest
  @ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRES})
  void theStoreKeepsEveryMessageOfEveryTurn(String kind) {
    try (ConvoStore store = TestStores.open(kind, folder)) {
      ScriptedModel model = converse(ConvostoreChatMemoryRepository.builder(store).user(USER).build());
      ToolTurns.assertPromptsWholeAndWithinTheWindow(model.prompts.stream().map(ChatClientTurnsTest::words).toList());
      List<dev.convostore.domain.Message> stored = store.history().history(
          USER, ConvostoreChatMemoryRepository.convostoreId(USER, "chat"), HistoryRequest.after(0, HistoryRequest.MAX_LIMIT));
      assertEquals(ToolTurns.expectedHistory(TURNS), ToolTurns.described(stored));
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

  private static List<String> words(List<Message> prompt) {
    return prompt.stream().flatMap(message -> message instanceof AssistantMessage assistant && assistant.hasToolCalls()
        ? assistant.getToolCalls().stream().map(call -> "call:" + call.id())
        : message instanceof ToolResponseMessage response
            ? response.getResponses().stream().map(one -> "result:" + one.id())
            : Stream.of(message instanceof SystemMessage ? "system" : "message")).toList();
  }

  private static ScriptedModel converse(ChatMemoryRepository repository) {
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(WINDOW).build();
    ScriptedModel model = new ScriptedModel();
    ChatClient client = ChatClient.builder(model)
        .defaultTools(new Clock())
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
        answer = new AssistantMessage(ToolTurns.answerWithTime(
            Integer.parseInt(question.substring("question ".length())), response.getResponses().get(0).responseData()));
      } else {
        int turn = Integer.parseInt(last.getText().substring("question ".length()));
        answer = ToolTurns.callsTheTool(turn)
            ? AssistantMessage.builder().content("").toolCalls(List.of(
                new AssistantMessage.ToolCall("call-" + turn, "function", "clock", "{\"zone\":\"UTC\"}"))).build()
            : new AssistantMessage(ToolTurns.answer(turn));
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
