package dev.convostore.adapter.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import dev.convostore.sql.SqlSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The URL forms the adapter takes, and how long each kind of database lives. */
class H2OpeningTest {

  private static final UserId ALICE = UserId.of("alice");

  private static UseCases useCases(Storage storage) {
    return UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
  }

  @Test
  void urlsOtherThanAFileOrANamedInMemoryDatabaseAreRefusedNamingTheUrl() {
    for (String url : List.of("jdbc:h2:tcp://localhost/~/test", "jdbc:h2:./relative", "jdbc:h2:mem:", "jdbc:h2:mem:;DB_CLOSE_DELAY=-1",
        "jdbc:h2:file:", "jdbc:h2:zip:~/data.zip!/test")) {
      ValidationException refused = assertThrows(ValidationException.class,
          () -> H2Settings.from(new StoreSettings(url, StoreLimits.DEFAULTS, Map.of())), url);
      assertEquals("url", refused.field(), url);
    }
  }

  @Test
  void aNamedInMemoryDatabaseIsSharedByThePoolsConnectionsAndGoesWhenTheStoreCloses() {
    String url = TestH2.memoryUrl();
    try (Storage storage = TestH2.open(url, Map.of(SqlSettings.POOL_SIZE, "4"))) {
      UseCases store = useCases(storage);
      Conversation conversation = store.conversations().start(StartConversation.by(ALICE));
      store.messages().append(ALICE, conversation.id(), NewMessage.user("seen by every connection"));
      List<CompletableFuture<Long>> readers = IntStream.range(0, 16)
          .mapToObj(i -> CompletableFuture.<Long>supplyAsync(() -> store.conversations().get(ALICE, conversation.id()).messageCount()))
          .toList();
      readers.forEach(reader -> assertEquals(1L, reader.join()));

      try (Storage second = TestH2.open(url, Map.of())) { // a second store on the same name sees the same database
        assertEquals(1, useCases(second).conversations().list(ListConversations.of(ALICE, 10)).conversations().size());
      }
      assertEquals(1L, store.conversations().get(ALICE, conversation.id()).messageCount());
    }
    try (Storage reopened = TestH2.open(url, Map.of())) {
      assertTrue(useCases(reopened).conversations().list(ListConversations.of(ALICE, 10)).conversations().isEmpty());
    }
  }

  @Test
  void aFileKeepsItsDataAfterTheStoreCloses() {
    Path folder = TestH2.newFolder();
    try {
      String url = TestH2.fileUrl(folder);
      Conversation conversation;
      try (Storage storage = TestH2.open(url, Map.of())) {
        UseCases store = useCases(storage);
        conversation = store.conversations().start(StartConversation.by(ALICE));
        store.messages().append(ALICE, conversation.id(), NewMessage.user("kept on disk"));
      }
      try (Storage reopened = TestH2.open(url, Map.of())) {
        assertEquals("kept on disk",
            useCases(reopened).history().search(ALICE, "disk", 10).get(0).content());
      }
    } finally {
      TestH2.delete(folder);
    }
  }
}
