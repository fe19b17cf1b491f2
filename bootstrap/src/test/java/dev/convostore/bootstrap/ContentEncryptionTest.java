package dev.convostore.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.Message;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message content encrypted at rest, seen through the store and in the SQLite file itself. */
class ContentEncryptionTest {

  private static final UserId ALICE = UserId.of("alice");
  private static final String K1 = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String K2 = "k2:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

  @TempDir
  Path folder;

  @Test
  void contentIsCiphertextInTheFileAndPlaintextThroughTheStore() throws SQLException {
    ConversationId id;
    try (ConvoStore store = open(K1)) {
      id = store.conversations().start(StartConversation.by(ALICE)).id();
      store.messages().append(ALICE, id, NewMessage.user("the launch code is 0000"));

      assertEquals(List.of("the launch code is 0000"), contents(store, id));
      assertEquals(Optional.empty(), store.conversations().get(ALICE, id).title(),
          "no title is made from encrypted content");
      try (Stream<ConversationSnapshot> exported = store.transfer().export(ALICE)) {
        assertEquals("the launch code is 0000", exported.findFirst().orElseThrow().messages().get(0).content());
      }
      StoreFailureException search = assertThrows(StoreFailureException.class,
          () -> store.history().search(ALICE, "launch", 10));
      assertEquals(Kind.UNSUPPORTED, search.kind());
    }
    String stored = storedContents().get(0);
    assertTrue(stored.startsWith("cs1$k1$"), stored);
    assertFalse(stored.contains("launch"), stored);
  }

  @Test
  void keysRotateAndAnExportImportReencryptsUnderTheNewKey() throws SQLException {
    ConversationId id;
    try (ConvoStore plain = ConvoStore.open(url())) {
      id = plain.conversations().start(StartConversation.by(ALICE)).id();
      plain.messages().append(ALICE, id, NewMessage.user("written before encryption"));
    }
    try (ConvoStore store = open(K1)) {
      store.messages().append(ALICE, id, NewMessage.user("under k1"));
    }
    List<ConversationSnapshot> exported;
    try (ConvoStore store = open(K2 + "," + K1)) {
      store.messages().append(ALICE, id, NewMessage.user("under k2"));
      assertEquals(List.of("written before encryption", "under k1", "under k2"), contents(store, id));
      try (Stream<ConversationSnapshot> all = store.transfer().export(ALICE)) {
        exported = all.toList();
      }
    }
    List<String> stored = storedContents();
    assertEquals("written before encryption", stored.get(0));
    assertTrue(stored.get(1).startsWith("cs1$k1$") && stored.get(2).startsWith("cs1$k2$"), stored.toString());

    try (ConvoStore withoutK1 = open(K2)) {
      StoreFailureException unreadable = assertThrows(StoreFailureException.class, () -> contents(withoutK1, id));
      assertEquals(Kind.CORRUPT, unreadable.kind());
      assertTrue(unreadable.getMessage().contains("'k1'"), unreadable.getMessage());

      withoutK1.transfer().importAll(exported.iterator(), ImportMode.REPLACE);
      assertEquals(List.of("written before encryption", "under k1", "under k2"), contents(withoutK1, id));
    }
    assertTrue(storedContents().stream().allMatch(content -> content.startsWith("cs1$k2$")), "all under k2 now");
  }

  @Test
  void ciphertextMovedToAnotherConversationFailsAuthentication() throws SQLException {
    ConversationId secret;
    ConversationId other;
    try (ConvoStore store = open(K1)) {
      secret = store.conversations().start(StartConversation.by(ALICE)).id();
      store.messages().append(ALICE, secret, NewMessage.user("alice's secret"));
      other = store.conversations().start(StartConversation.by(ALICE)).id();
      store.messages().append(ALICE, other, NewMessage.user("harmless"));
    }
    try (Connection file = DriverManager.getConnection(url());
        PreparedStatement move = file.prepareStatement("UPDATE messages SET content = ? WHERE content = ?")) {
      List<String> stored = storedContents();
      move.setString(1, stored.get(0));
      move.setString(2, stored.get(1));
      assertEquals(1, move.executeUpdate());
    }
    try (ConvoStore store = open(K1)) {
      StoreFailureException tampered = assertThrows(StoreFailureException.class, () -> contents(store, other));
      assertEquals(Kind.CORRUPT, tampered.kind());
      assertEquals(List.of("alice's secret"), contents(store, secret));
    }
  }

  @Test
  void malformedKeysAreRefusedNamingTheSetting() {
    for (String keys : List.of("", "k1", "k1:not base64!", "k1:AAEC", "bad id:AAECAwQFBgcICQoLDA0ODw==", K1 + "," + K1)) {
      ValidationException error = assertThrows(ValidationException.class, () -> open(keys), keys);
      assertEquals("convostore.content-keys", error.field());
      assertFalse(error.getMessage().contains("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"), "keys never appear in errors");
    }
  }

  private ConvoStore open(String keys) {
    Properties properties = new Properties();
    properties.setProperty("convostore.url", url());
    properties.setProperty("convostore.content-keys", keys);
    return ConvoStore.open(properties);
  }

  private String url() {
    return "jdbc:sqlite:" + folder.resolve("encrypted.db");
  }

  private List<String> storedContents() throws SQLException {
    List<String> contents = new ArrayList<>();
    try (Connection file = DriverManager.getConnection(url());
        PreparedStatement query = file.prepareStatement("SELECT content FROM messages ORDER BY created_at, seq");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        contents.add(rows.getString(1));
      }
    }
    return contents;
  }

  private static List<String> contents(ConvoStore store, ConversationId id) {
    return store.history().history(ALICE, id, HistoryRequest.last(100)).stream().map(Message::content).toList();
  }
}
