package dev.convostore.integration.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LangChain4j's own {@code AiServices} with a window memory of 20 messages over 500 turns, with a
 * language model double that answers, and every third turn first calls a tool.
 */
class AiServicesTurnsTest {

  private static final int TURNS = 500;
  private static final int WINDOW = 20;
  private static final UserId USER = UserId.of("alice");

  @TempDir
  Path folder;

  /** The assistant the application declares. */
  interface Assistant {
    String chat(@MemoryId String memoryId, @dev.langchain4j.service.UserMessage String question);
  }

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

  /** The same conversation on LangChain4j's own store: the model sees the same requests. */
  @Test
  void theModelSeesWhatItSeesOnLangChain4jsOwnStore() {
    try (ConvoStore store = TestStores.memory()) {
      ScriptedModel ours = converse(ConvostoreChatMemoryStore.builder(store).user(USER).build());
      ScriptedModel theirs = converse(new InMemoryChatMemoryStore());
      assertEquals(theirs.requests, ours.requests);
    }
  }

  private void everyTurnIsKept(ConvoStore store) {
    ScriptedModel model = converse(ConvostoreChatMemoryStore.builder(store).user(USER).build());
    for (List<ChatMessage> request : model.requests) {
      // The window, and the new question that AiServices sends with it (as on LangChain4j's own store, below).
      assertTrue(request.size() <= WINDOW + 1, "the model saw " + request.size() + " messages");
      Set<String> requested = new HashSet<>();
      for (ChatMessage message : request) {
        if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
          ai.toolExecutionRequests().forEach(call -> requested.add(call.id()));
        }
        if (message instanceof ToolExecutionResultMessage result) {
          assertTrue(requested.contains(result.id()), "a tool result without its request");
        }
      }
    }
    List<Message> stored = store.history().history(USER, ConvostoreChatMemoryStore.conversationId(USER, "chat"),
        HistoryRequest.after(0, HistoryRequest.MAX_LIMIT));
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
        answer = AiMessage.from("at turn " + question.substring("question ".length()) + " it is " + result.text());
      } else {
        int turn = Integer.parseInt(((UserMessage) last).singleText().substring("question ".length()));
        answer = turn % 3 == 0
            ? AiMessage.from(ToolExecutionRequest.builder().id("call-" + turn).name("time").arguments("{}").build())
            : AiMessage.from("answer " + turn);
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
