package dev.convostore.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ConversationPage;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.Feedback;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageFeedback;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.domain.ToolUsage;
import dev.convostore.domain.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The README's host example, kept compiling and true. */
class ReadmeExampleTest {

  @TempDir static Path folder;

  /** The README opens {@code jdbc:sqlite:chat.db}; the test puts the file in a temporary folder. */
  static List<String> urls() {
    return List.of("jdbc:sqlite:" + folder.resolve("chat.db"), "memory:");
  }

  @ParameterizedTest
  @MethodSource("urls")
  void readmeExampleWorks(String url) {
    try (ConvoStore store = ConvoStore.open(url)) {
      UserId alice = UserId.of("alice");
      Conversation chat = store.conversations().start(StartConversation.by(alice));

      store.messages().append(AppendMessages.of(alice, chat.id(),
          NewMessage.user("What is the weather in Oslo?"),
          NewMessage.toolCalls("", new ToolCall("call_1", "weather", JsonObject.of("city", "Oslo"))),
          NewMessage.toolResult(ToolResult.of("call_1", "weather", ToolOutcome.SUCCESS), "{\"celsius\": 4}"),
          NewMessage.assistant("It is 4 °C in Oslo.")));

      List<Message> window = store.history().history(alice, chat.id(), HistoryRequest.last(20));
      ConversationPage recent = store.conversations().list(ListConversations.of(alice, 20));

      List<Message> results = store.history().history(alice, chat.id(),
          HistoryRequest.last(20).withKinds(MessageKind.TOOL_RESULT)); // each result with its call
      Message question = store.history().message(alice, chat.id(), window.get(0).id());
      List<ToolUsage> tools = store.history().toolUsage(alice, chat.createdAt(), Instant.now().plusSeconds(1));
      ConversationPage newest = store.conversations().list(ListConversations.of(alice, 20).byCreation());

      Message answer = window.get(window.size() - 1);
      store.messages().giveFeedback(alice, chat.id(), answer.id(), Feedback.of(1).withLabel("helpful"));
      List<MessageFeedback> ratings = store.messages().feedback(alice, chat.id());
      store.messages().redact(alice, chat.id(), question.id()); // an erasure request for one message

      assertEquals(List.of(MessageKind.TEXT, MessageKind.TOOL_CALL, MessageKind.TOOL_RESULT, MessageKind.TEXT),
          window.stream().map(Message::kind).toList());
      assertEquals("What is the weather in Oslo?", recent.conversations().get(0).title().orElseThrow());
      assertEquals(List.of(MessageKind.TOOL_CALL, MessageKind.TOOL_RESULT), results.stream().map(Message::kind).toList());
      assertEquals("What is the weather in Oslo?", question.content());
      assertEquals(List.of(new ToolUsage("weather", 1, java.util.Map.of(ToolOutcome.SUCCESS, 1L))), tools);
      assertEquals(chat.id(), newest.conversations().get(0).id());
      assertEquals(List.of(answer.id()), ratings.stream().map(MessageFeedback::messageId).toList());
      assertEquals("", store.history().message(alice, chat.id(), question.id()).content());
    }
  }
}
