package dev.convostore.integration.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

/** What convostore adds to Spring AI's contract: the history stays whole, whatever the memory shows. */
class ConvostoreHistoryTest {

  private static final UserId ALICE = UserId.of("alice");

  @AutoClose
  private final ConvoStore store = TestStores.memory();
  private final ConvostoreChatMemoryRepository repository =
      ConvostoreChatMemoryRepository.builder(store).user(ALICE).build();

  @Test
  void aWindowMemoryTrimsWhatItShowsButTheHistoryKeepsEveryMessage() {
    ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(4).build();
    List<Message> turns = ChatMemoryRepositoryContractTest.turns(20);
    turns.forEach(message -> memory.add("c", message));
    assertEquals(turns.subList(36, 40), memory.get("c"));
    assertEquals(turns.stream().map(Message::getText).toList(), history("c"));
  }

  @Test
  void replacingTheMemoryKeepsTheHistory() {
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(1));
    repository.saveAll("c", List.of(new UserMessage("a summary of it all")));
    assertEquals(List.of(new UserMessage("a summary of it all")), repository.findByConversationId("c"));
    assertEquals(List.of("question 1", "answer 1", "a summary of it all"), history("c"));
  }

  @Test
  void theSameIdFindsTheSameConversationFromAnotherRepository() {
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(2));
    ConvostoreChatMemoryRepository another = ConvostoreChatMemoryRepository.builder(store).user(ALICE).build();
    assertEquals(ChatMemoryRepositoryContractTest.turns(2), another.findByConversationId("c"));
    assertEquals(List.of("c"), another.findConversationIds());
  }

  @Test
  void aRepositoryThatAddsToAnOutdatedMemoryAddsToTheCurrentOne() {
    ConvostoreChatMemoryRepository other = ConvostoreChatMemoryRepository.builder(store).user(ALICE).build();
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(1));
    assertEquals(ChatMemoryRepositoryContractTest.turns(1), other.findByConversationId("c"));
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(2));
    List<Message> fromOutdated = List.of(new UserMessage("question 1"), new AssistantMessage("answer 1"),
        new UserMessage("from the other one"));
    other.saveAll("c", fromOutdated);
    List<Message> both = new java.util.ArrayList<>(ChatMemoryRepositoryContractTest.turns(2));
    both.add(new UserMessage("from the other one"));
    assertEquals(both, repository.findByConversationId("c"));
    assertEquals(both, other.findByConversationId("c"));
    assertEquals(List.of("question 1", "answer 1", "question 2", "answer 2", "from the other one"), history("c"));
  }

  @Test
  void aMemoryAnotherRepositoryShortenedIsReadShortened() {
    ConvostoreChatMemoryRepository other = ConvostoreChatMemoryRepository.builder(store).user(ALICE).build();
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(2));
    assertEquals(ChatMemoryRepositoryContractTest.turns(2), other.findByConversationId("c"));
    List<Message> lastTurn = ChatMemoryRepositoryContractTest.turns(2).subList(2, 4);
    repository.saveAll("c", lastTurn); // appends nothing: only the memory's extent changes
    assertEquals(lastTurn, other.findByConversationId("c"));
    assertEquals(List.of("question 1", "answer 1", "question 2", "answer 2"), history("c"));
  }

  @Test
  void messagesAppendedByOtherMeansJoinTheMemory() {
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(1));
    store.messages().append(ALICE, ConvostoreChatMemoryRepository.convostoreId(ALICE, "c"),
        dev.convostore.domain.NewMessage.user("appended through convostore"));
    List<Message> expected = new java.util.ArrayList<>(ChatMemoryRepositoryContractTest.turns(1));
    expected.add(new UserMessage("appended through convostore"));
    assertEquals(expected, repository.findByConversationId("c"));
  }

  @Test
  void aMessageRedactedInTheStoreLeavesTheMemoryAtOnce() {
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(1));
    assertEquals(ChatMemoryRepositoryContractTest.turns(1), repository.findByConversationId("c"));
    dev.convostore.domain.ConversationId id = ConvostoreChatMemoryRepository.convostoreId(ALICE, "c");
    dev.convostore.domain.Message answer = store.history().history(ALICE, id, HistoryRequest.last(1)).get(0);
    store.messages().redact(ALICE, id, answer.id());
    List<String> texts = repository.findByConversationId("c").stream().map(Message::getText).toList();
    assertEquals(List.of("question 1", store.history().history(ALICE, id, HistoryRequest.last(1)).get(0).content()), texts);
    assertTrue(!texts.contains("answer 1"), texts.toString());
  }

  @Test
  void findByConversationIdReturnsTheLatestMaxMessages() {
    ConvostoreChatMemoryRepository three = ConvostoreChatMemoryRepository.builder(store).user(ALICE).maxMessages(3).build();
    three.saveAll("c", ChatMemoryRepositoryContractTest.turns(3));
    assertEquals(ChatMemoryRepositoryContractTest.turns(3).subList(3, 6), three.findByConversationId("c"));
    assertThrows(IllegalArgumentException.class, () -> ConvostoreChatMemoryRepository.builder(store).maxMessages(0));
  }

  @Test
  void eachConversationCanBelongToItsOwnUser() {
    ConvostoreChatMemoryRepository perUser = ConvostoreChatMemoryRepository.builder(store)
        .userPerConversation(id -> UserId.of(id.substring(0, id.indexOf(':'))))
        .build();
    perUser.saveAll("bob:1", List.of(new UserMessage("bob's")));
    perUser.saveAll("carol:1", List.of(new UserMessage("carol's")));
    assertEquals(1, store.conversations().list(
        dev.convostore.application.port.in.ListConversations.of(UserId.of("bob"), 10)).conversations().size());
    assertEquals(List.of(new UserMessage("carol's")), perUser.findByConversationId("carol:1"));
    assertThrows(UnsupportedOperationException.class, perUser::findConversationIds);
  }

  @Test
  void whatConvostoreCannotKeepIsRefusedAndNothingIsStored() {
    UserMessage withMedia = UserMessage.builder().text("look")
        .media(new Media(MimeTypeUtils.IMAGE_PNG, java.net.URI.create("https://example.com/cat.png"))).build();
    assertThrows(IllegalArgumentException.class, () -> repository.saveAll("c", List.of(withMedia)));
    AssistantMessage reserved = AssistantMessage.builder().content("hi")
        .properties(Map.of(SpringAiMessages.NOTES, "mine")).build();
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> repository.saveAll("c", List.of(new UserMessage("first"), reserved)));
    assertTrue(error.getMessage().contains(SpringAiMessages.NOTES), error.getMessage());
    assertEquals(List.of(), repository.findByConversationId("c"));
    repository.saveAll("c", ChatMemoryRepositoryContractTest.turns(1));
    List<Message> thenMedia = new java.util.ArrayList<>(repository.findByConversationId("c"));
    thenMedia.add(withMedia);
    assertThrows(IllegalArgumentException.class, () -> repository.saveAll("c", thenMedia));
    assertEquals(ChatMemoryRepositoryContractTest.turns(1), repository.findByConversationId("c"));
    assertEquals(List.of("question 1", "answer 1"), history("c"));
    assertThrows(IllegalStateException.class, () -> ConvostoreChatMemoryRepository.builder(store).build());
  }

  private List<String> history(String conversationId) {
    return store.history().history(ALICE, ConvostoreChatMemoryRepository.convostoreId(ALICE, conversationId),
        HistoryRequest.after(0, 1000)).stream().map(dev.convostore.domain.Message::content).toList();
  }
}
