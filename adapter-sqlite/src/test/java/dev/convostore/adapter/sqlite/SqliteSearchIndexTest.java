package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.RetentionPolicy;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.ToolCall;
import dev.convostore.domain.UserId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full-text index and the messages whose words wait for it hold exactly one entry per message
 * with words, whatever removed messages: deleting a conversation, erasing a user, trimming,
 * replacing a conversation by import. A stale entry would make search find a later message that
 * took over its index key.
 */
class SqliteSearchIndexTest {

  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  @TempDir Path folder;

  @Test
  void theIndexFollowsEveryWayMessagesLeave() throws SQLException {
    String url = "jdbc:sqlite:" + folder.resolve("search.db");
    try (Storage storage = new SqliteStorageProvider().open(new StoreSettings(url, StoreLimits.DEFAULTS, Map.of()))) {
      UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
      Conversation deleted = started(store, ALICE, "zebra deleted");
      Conversation trimmed = started(store, ALICE, "zebra trimmed");
      Conversation replaced = started(store, ALICE, "zebra replaced");
      started(store, BOB, "zebra erased");
      store.messages().append(ALICE, trimmed.id(), NewMessage.toolCalls("", new ToolCall("call", "tool", JsonObject.empty()))); // no words: no entry
      assertIndexMatchesMessages(url, 12);

      store.conversations().delete(ALICE, deleted.id());
      assertIndexMatchesMessages(url, 9);
      store.conversations().eraseUser(BOB);
      assertIndexMatchesMessages(url, 6);
      store.retention().apply(RetentionPolicy.keepLast(1)); // trimmed keeps its tool call, replaced its third
      assertIndexMatchesMessages(url, 1);
      ConversationSnapshot snapshot = store.transfer().export(ALICE).filter(c -> c.conversation().id().equals(replaced.id()))
          .findFirst().orElseThrow();
      store.conversations().save(ALICE, snapshot);
      assertIndexMatchesMessages(url, 1);

      started(store, ALICE, "giraffe newcomer");
      assertEquals(List.of(), store.history().search(ALICE, "zebra deleted", 10));
      assertEquals(List.of("giraffe newcomer 3"), store.history().search(ALICE, "giraffe", 10).stream()
          .map(m -> m.content()).filter(c -> c.endsWith("3")).toList());

      // The newest indexed messages leave: the next ones take rowids the index never had, and are found.
      Conversation newest = started(store, ALICE, "okapi");
      assertEquals(3, store.history().search(ALICE, "okapi", 10).size());
      store.conversations().delete(ALICE, newest.id());
      started(store, ALICE, "okapi again");
      assertEquals(List.of("okapi again 3", "okapi again 2", "okapi again 1"),
          store.history().search(ALICE, "okapi", 10).stream().map(m -> m.content()).toList());
      assertIndexMatchesMessages(url, 7);
    }
  }

  private static Conversation started(UseCases store, UserId owner, String words) {
    Conversation conversation = store.conversations().start(StartConversation.by(owner));
    for (int i = 1; i <= 3; i++) {
      store.messages().append(owner, conversation.id(), NewMessage.user(words + " " + i));
    }
    return conversation;
  }

  private static void assertIndexMatchesMessages(String url, int messagesWithWords) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      assertEquals(messagesWithWords, count(statement, "SELECT count(*) FROM messages WHERE search_rowid IS NOT NULL"));
      assertEquals(messagesWithWords, count(statement, "SELECT count(*) FROM message_search")
          + count(statement, "SELECT count(*) FROM messages WHERE search_rowid > (SELECT indexed_through FROM search_progress)"),
          "indexed and waiting");
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
