package dev.convostore.integration.langchain4j;

import dev.convostore.domain.JsonObject;
import dev.convostore.domain.JsonString;
import dev.convostore.domain.JsonValue;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.ToolOutcome;
import dev.convostore.domain.ToolResult;
import dev.convostore.integration.FrameworkMessages;
import dev.convostore.integration.ToolArguments;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LangChain4j's messages as convostore messages and back. Each message becomes one convostore
 * message with its role and kind (tool execution requests as convostore tool calls, results as tool
 * results, with their error flag as the outcome), so that convostore's statistics, search and
 * exports know them; LangChain4j's own JSON of the message is kept in the notes, which is what comes
 * back, so that every message returns equal to what was given.
 */
final class LangChain4jMessages extends FrameworkMessages<ChatMessage> {

  /** The framework's name in its conversations' ids. */
  static final String FRAMEWORK = "langchain4j";

  /** The metadata member that holds the notes. */
  static final String NOTES = "convostore.langchain4j";

  /** What a text message holds when LangChain4j's text was blank or missing (convostore needs text). */
  private static final String NO_TEXT = "(no text)";

  LangChain4jMessages() {
    super(FRAMEWORK, NOTES, SystemMessage.class);
  }

  /** @throws IllegalArgumentException naming the content type convostore cannot hold (images, audio, video, PDF) */
  @Override
  public List<NewMessage> toConvostore(ChatMessage message) {
    NewMessage stored;
    if (message instanceof SystemMessage system) {
      stored = text(MessageRole.SYSTEM, system.text());
    } else if (message instanceof UserMessage user) {
      stored = text(MessageRole.USER, texts(user.contents()));
    } else if (message instanceof AiMessage ai) {
      if (ai.images() != null && !ai.images().isEmpty()) {
        throw new IllegalArgumentException("an AiMessage with images cannot be stored: convostore keeps text only");
      }
      stored = ai.hasToolExecutionRequests() ? toolCalls(ai) : text(MessageRole.ASSISTANT, ai.text());
    } else if (message instanceof ToolExecutionResultMessage result) {
      stored = NewMessage.toolResult(new ToolResult(usable(result.id(), ToolCall.MAX_CALL_ID_LENGTH, "call"),
              usable(result.toolName(), ToolCall.MAX_TOOL_NAME_LENGTH, "unnamed"),
              Boolean.TRUE.equals(result.isError()) ? ToolOutcome.ERROR : ToolOutcome.SUCCESS, Optional.empty()),
          texts(result.contents()));
    } else if (message instanceof CustomMessage custom) {
      stored = text(MessageRole.ASSISTANT, String.valueOf(custom.attributes()));
    } else {
      throw new IllegalArgumentException("a " + message.getClass().getSimpleName() + " cannot be stored");
    }
    return List.of(stored.withMetadata(JsonObject.of(NOTES, JsonObject.of("json", ChatMessageSerializer.messageToJson(message)))));
  }

  @Override
  public List<Stored<ChatMessage>> fromConvostore(List<Message> stored) {
    List<Stored<ChatMessage>> messages = new ArrayList<>(stored.size());
    for (Message message : stored) {
      messages.add(new Stored<>(langChain4j(message), message.sequence(), message.sequence()));
    }
    return messages;
  }

  /** The message as given when this store wrote it; a message another client wrote as its nearest LangChain4j message. */
  private static ChatMessage langChain4j(Message stored) {
    Optional<JsonValue> json = FrameworkMessages.notes(stored.metadata(), NOTES).get("json");
    if (json.isPresent() && json.get() instanceof JsonString text) {
      return ChatMessageDeserializer.messageFromJson(text.value());
    }
    return switch (stored.kind()) {
      case TOOL_CALL -> AiMessage.from(stored.content().isEmpty() ? null : stored.content(), stored.toolCalls().stream()
          .map(call -> ToolExecutionRequest.builder().id(call.callId()).name(call.toolName())
              .arguments(call.arguments().toJson()).build())
          .toList());
      case TOOL_RESULT -> ToolExecutionResultMessage.builder()
          .id(stored.toolResult().orElseThrow().callId())
          .toolName(stored.toolResult().orElseThrow().toolName())
          .text(stored.content())
          .isError(stored.toolResult().orElseThrow().outcome() != ToolOutcome.SUCCESS)
          .build();
      default -> switch (stored.role()) {
        case SYSTEM -> SystemMessage.from(stored.content());
        case USER -> UserMessage.from(stored.content());
        default -> AiMessage.from(stored.content());
      };
    };
  }

  private static NewMessage toolCalls(AiMessage ai) {
    List<ToolCall> calls = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<ToolExecutionRequest> requests = ai.toolExecutionRequests();
    for (int i = 0; i < requests.size(); i++) {
      ToolExecutionRequest request = requests.get(i);
      String id = usable(request.id(), ToolCall.MAX_CALL_ID_LENGTH, "call-" + i);
      calls.add(new ToolCall(ids.add(id) ? id : "call-" + i, usable(request.name(), ToolCall.MAX_TOOL_NAME_LENGTH, "unnamed"),
          ToolArguments.of(request.arguments())));
    }
    return NewMessage.toolCalls(ai.text() == null ? "" : ai.text(), calls.toArray(ToolCall[]::new));
  }

  private static NewMessage text(MessageRole role, String text) {
    return NewMessage.text(role, text == null || text.isBlank() ? NO_TEXT : text);
  }

  /** The text of text contents; any other content is refused, naming its type. */
  private static String texts(List<Content> contents) {
    for (Content content : contents) {
      if (!(content instanceof TextContent)) {
        throw new IllegalArgumentException("a message with " + content.type() + " content cannot be stored: "
            + "convostore keeps text only");
      }
    }
    return contents.stream().map(content -> ((TextContent) content).text()).collect(Collectors.joining("\n"));
  }

  private static String usable(String name, int maxLength, String otherwise) {
    return name != null && !name.isBlank() && name.length() <= maxLength ? name : otherwise;
  }
}
