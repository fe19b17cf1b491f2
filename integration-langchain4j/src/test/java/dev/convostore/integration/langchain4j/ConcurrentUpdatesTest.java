package dev.convostore.integration.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.UserId;
import dev.convostore.integration.TestStores;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sixteen threads add to one memory at once, each through its own window memory: nobody's message is lost. */
class ConcurrentUpdatesTest {

  private static final int THREADS = 16;
  private static final int MESSAGES_EACH = 10;
  private static final UserId USER = UserId.of("alice");

  @TempDir
  Path folder;

  @ParameterizedTest
  @ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRES})
  void theStoreKeepsEveryThreadsMessages(String kind) throws Exception {
    try (ConvoStore store = TestStores.open(kind, folder)) {
      everyMessageIsKeptOnce(store);
    }
  }

  private static void everyMessageIsKeptOnce(ConvoStore store) throws Exception {
    ConvostoreChatMemoryStore memories = ConvostoreChatMemoryStore.builder(store).user(USER).build();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int id = thread;
        done.add(threads.submit(() -> {
          ChatMemory memory = MessageWindowChatMemory.builder().id("shared").maxMessages(1_000)
              .chatMemoryStore(memories).build();
          for (int i = 0; i < MESSAGES_EACH; i++) {
            memory.add(UserMessage.from("thread " + id + " message " + i));
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
    List<String> expected = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      for (int i = 0; i < MESSAGES_EACH; i++) {
        expected.add("thread " + thread + " message " + i);
      }
    }
    List<String> stored = new ArrayList<>(store.history().history(USER, ConvostoreChatMemoryStore.conversationId(USER, "shared"),
        HistoryRequest.after(0, 1_000)).stream().map(Message::content).toList());
    List<String> memory = new ArrayList<>(memories.getMessages("shared").stream()
        .map(message -> ((UserMessage) message).singleText()).toList());
    assertEquals(sorted(expected), sorted(stored), "the history holds every message once");
    assertEquals(sorted(expected), sorted(memory), "the memory holds every message once");
    for (int thread = 0; thread < THREADS; thread++) { // each thread's messages in the order it added them
      String prefix = "thread " + thread + " ";
      assertEquals(expected.stream().filter(text -> text.startsWith(prefix)).toList(),
          stored.stream().filter(text -> text.startsWith(prefix)).toList());
    }
  }

  private static List<String> sorted(List<String> texts) {
    List<String> copy = new ArrayList<>(texts);
    copy.sort(null);
    return copy;
  }
}
