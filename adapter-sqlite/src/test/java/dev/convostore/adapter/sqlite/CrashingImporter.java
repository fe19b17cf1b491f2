package dev.convostore.adapter.sqlite;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.AppendMessages;
import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The child process of {@link SqliteCrashTest}: imports into a SQLite file until it is killed,
 * alternating an append of one batch to a long conversation with the import of a whole new
 * conversation, and acknowledging each on stdout only after the store has returned.
 *
 * <p>Arguments: the database file, the id of the long conversation.
 */
public final class CrashingImporter {

  static final UserId OWNER = UserId.of("crash-test");
  static final int BATCH = 20;
  static final int IMPORTED_MESSAGES = 50;

  private CrashingImporter() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    StoreSettings settings = new StoreSettings("jdbc:sqlite:" + args[0], StoreLimits.DEFAULTS, Map.of());
    Storage storage = new SqliteStorageProvider().open(settings);
    UseCases store = UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS);
    ConversationId longOne = ConversationId.parse(args[1]);
    long batch = store.conversations().get(OWNER, longOne).messageCount() / BATCH;
    out.println("READY");
    out.flush();
    while (true) {
      List<NewMessage> messages = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        messages.add(NewMessage.user(batchMessage(batch, i)).withId(MessageId.newId()));
      }
      store.messages().append(AppendMessages.of(OWNER, longOne, messages));
      out.println("APPENDED " + batch);
      out.flush();
      batch++;

      ConversationSnapshot imported = newConversation();
      Iterator<ConversationSnapshot> one = List.of(imported).iterator();
      store.transfer().importAll(one, ImportMode.NEVER_BACKWARDS);
      out.println("IMPORTED " + imported.conversation().id());
      out.flush();
    }
  }

  static String batchMessage(long batch, int index) {
    return "batch " + batch + " message " + index;
  }

  private static ConversationSnapshot newConversation() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    ConversationId id = ConversationId.newId();
    List<Message> messages = new ArrayList<>();
    for (int i = 1; i <= IMPORTED_MESSAGES; i++) {
      messages.add(NewMessage.user("imported message " + i).toMessage(MessageId.newId(), id, OWNER, i, now));
    }
    Conversation conversation = Conversation.start(id, OWNER, Optional.of("imported"), JsonObject.empty(), now)
        .afterAppend(IMPORTED_MESSAGES, now, Optional.empty());
    return new ConversationSnapshot(conversation, messages, List.of());
  }
}
