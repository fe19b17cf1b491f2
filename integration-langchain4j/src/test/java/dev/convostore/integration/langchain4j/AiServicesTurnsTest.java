package dev.convostore.integration.langchain4j;

import static dev.convostore.integration.ToolTurns.TURNS;
import static dev.convostore.integration.ToolTurns.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import dev.convostore.integration.ToolTurns;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * LangChain4j's own {@code AiServices} with a window memory of 20 messages over 500 turns, with a
 * language model double that answers, and every third turn first calls a tool.
 */
class AiServicesTurnsTest {

  private static final UserId USER = UserId.of("alice");

  @TempDir
  Path folder;

  /** The assistant the application declares. */
  interface Assistant {
    String chat(@MemoryId String memoryId, @dev.langchain4j.service.UserMessage String question);
  }

  @ParameterizedTest
  @ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRES})
  void theStoreKeepsEveryMessageOfEveryTurn(String kind) {
    try (ConvoStore store = TestStores.open(kind, folder)) {
      ScriptedModel model = converse(ConvostoreChatMemoryStore.builder(store).user(USER).build());
      // The window, and the new question that AiServices sends with it (as on LangChain4j's own store, below).
      ToolTurns.assertPromptsWholeAndWithinTheWindow(model.requests.stream().map(AiServicesTurnsTest::words).toList());
      List<Message> stored = store.history().history(USER, ConvostoreChatMemoryStore.conversationId(USER, "chat"),
          HistoryRequest.after(0, HistoryRequest.MAX_LIMIT));
      assertEquals(ToolTurns.expectedHistory(TURNS), ToolTurns.described(stored));
    }
  }

  /** The same conversation on LangChain4j's own store: the model sees the same requests. */
  @Test
  void theModelSeesWhatItSeesOnLangChain4jsOwnStore() {
    try (ConvoStore store = TestStores.memory()) {
      ScriptedModel ours = converse(ConvostoreChatMemoryStore.builder(store).user(USER).build());
      ScriptedModel theirs = converse(new InMemoryChatMemoryStore());
      assertEquals(theirs.requests, ours.requests);
    }
  }

  private static List<String> words(List<ChatMessage> request) {
    return request.stream().flatMap(message -> message instanceof AiMessage ai && ai.hasToolExecutionRequests()
        ? ai.toolExecutionRequests().stream().map(call -> "call:" + call.id())
        : message instanceof ToolExecutionResultMessage result
            ? Stream.of("result:" + result.id())
            : Stream.of(message instanceof dev.langchain4j.data.message.SystemMessage ? "system" : "message")).toList();
  }

  private static ScriptedModel converse(ChatMemoryStore memoryStore) {
    ScriptedModel model = new ScriptedModel();
    Assistant assistant = AiServices.builder(Assistant.class)
        .chatModel(model)
        .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(WINDOW).chatMemoryStore(memoryStore).build())
        .tools(new Clock())
        .build();
    for (int turn = 1; turn <= TURNS; turn++) {
      assistant.chat("chat", "question " + turn);
    }
    return model;
  }

  /** Answers each question; every third one it first asks the clock. Keeps every request it saw. */
  private static final class ScriptedModel implements ChatModel {

    final List<List<ChatMessage>> requests = new ArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
      List<ChatMessage> messages = request.messages();
      requests.add(List.copyOf(messages));
      ChatMessage last = messages.get(messages.size() - 1);
      AiMessage answer;
      if (last instanceof ToolExecutionResultMessage result) {
        String question = messages.stream().filter(UserMessage.class::isInstance).reduce((a, b) -> b)
            .map(message -> ((UserMessage) message).singleText()).orElseThrow();
        answer = AiMessage.from(ToolTurns.answerWithTime(Integer.parseInt(question.substring("question ".length())), result.text()));
      } else {
        int turn = Integer.parseInt(((UserMessage) last).singleText().substring("question ".length()));
        answer = ToolTurns.callsTheTool(turn)
            ? AiMessage.from(ToolExecutionRequest.builder().id("call-" + turn).name("time").arguments("{}").build())
            : AiMessage.from(ToolTurns.answer(turn));
      }
      return ChatResponse.builder().aiMessage(answer).build();
    }
  }

  /** A tool that always tells the same time. */
  static final class Clock {
    @Tool("tells the time")
    public String time() {
      return "12:00";
    }
  }
}
