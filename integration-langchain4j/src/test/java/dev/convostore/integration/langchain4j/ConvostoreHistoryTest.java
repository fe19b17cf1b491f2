package dev.convostore.integration.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What convostore adds to LangChain4j's contract: the history stays whole, whatever the memory shows. */
class ConvostoreHistoryTest {

  private static final UserId ALICE = UserId.of("alice");

  @AutoClose
  private final ConvoStore convoStore = TestStores.memory();
  private final ConvostoreChatMemoryStore store = ConvostoreChatMemoryStore.builder(convoStore).user(ALICE).build();

  @Test
  void aWindowMemoryEvictsWhatItShowsButTheHistoryKeepsEveryMessage() {
    ChatMemory memory = MessageWindowChatMemory.builder().id("m").maxMessages(4).chatMemoryStore(store).build();
    List<ChatMessage> turns = ChatMemoryStoreContractTest.turns(20);
    turns.forEach(memory::add);
    assertEquals(turns.subList(36, 40), memory.messages());
    assertEquals(40, history("m").size());
  }

  @Test
  void aMessageRedactedInTheStoreLeavesTheMemoryAtOnce() {
    store.updateMessages("m", ChatMemoryStoreContractTest.turns(1));
    assertEquals(ChatMemoryStoreContractTest.turns(1), store.getMessages("m"));
    Message question = history("m").get(0);
    convoStore.messages().redact(ALICE, question.conversationId(), question.id());
    List<ChatMessage> memory = store.getMessages("m");
    assertEquals(List.of(UserMessage.from(""), ChatMemoryStoreContractTest.turns(1).get(1)), memory);
  }

  @Test
  void aMemoryIdNamesTheSameConversationByItsText() {
    store.updateMessages(7, ChatMemoryStoreContractTest.turns(1));
    ConvostoreChatMemoryStore another = ConvostoreChatMemoryStore.builder(convoStore).user(ALICE).build();
    assertEquals(ChatMemoryStoreContractTest.turns(1), another.getMessages("7"));
  }

  @Test
  void eachMemoryCanBelongToItsOwnUser() {
    ConvostoreChatMemoryStore perUser = ConvostoreChatMemoryStore.builder(convoStore)
        .userPerMemory(id -> UserId.of(id.toString().substring(0, id.toString().indexOf(':'))))
        .build();
    perUser.updateMessages("bob:1", List.of(UserMessage.from("bob's")));
    assertEquals(1, convoStore.conversations().list(
        dev.convostore.application.port.in.ListConversations.of(UserId.of("bob"), 10)).conversations().size());
    assertEquals(List.of(UserMessage.from("bob's")), perUser.getMessages("bob:1"));
  }

  @Test
  void contentConvostoreCannotHoldIsRefusedByTypeAndNothingIsStored() {
    UserMessage image = UserMessage.from(TextContent.from("look"),
        ImageContent.from(Image.builder().url(URI.create("https://example.com/cat.png")).build()));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> store.updateMessages("m", List.of(UserMessage.from("first"), image)));
    assertTrue(refused.getMessage().contains("IMAGE"), refused.getMessage());
    UserMessage audio = UserMessage.from(AudioContent.from(Audio.builder().url(URI.create("https://example.com/a.mp3")).build()));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> store.updateMessages("m", List.of(audio)))
        .getMessage().contains("AUDIO"));
    assertEquals(List.of(), store.getMessages("m"));
    assertThrows(IllegalStateException.class, () -> ConvostoreChatMemoryStore.builder(convoStore).build());
  }

  private List<Message> history(Object memoryId) {
    return convoStore.history().history(ALICE, ConvostoreChatMemoryStore.conversationId(ALICE, memoryId),
        HistoryRequest.after(0, 1000));
  }
}
