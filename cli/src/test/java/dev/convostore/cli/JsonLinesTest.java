package dev.convostore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.Conversation;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export format carries a conversation between adapters without changing a byte. */
class JsonLinesTest {

  @TempDir Path directory;

  private static String export(ConvoStore store) throws IOException {
    StringWriter out = new StringWriter();
    JsonLines.write(store.transfer().exportAll(), out);
    return out.toString();
  }

  private static void importInto(ConvoStore store, String text) throws IOException {
    JsonLines.importFile(() -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), store.transfer(),
        new JsonLines.ImportOptions(1 << 20, ImportMode.NEVER_BACKWARDS, warning -> { }), read -> { });
  }

  @Test
  void anExportFromMemoryImportsIntoSqliteAndBackUnchanged() throws IOException {
    String fromMemory;
    try (ConvoStore memory = ConvoStore.open("memory:")) {
      memory.transfer().importAll(DemoCommand.sample().iterator(), ImportMode.NEVER_BACKWARDS);
      UserId zoe = UserId.of("zoë ✓");
      Conversation tricky = memory.conversations().start(StartConversation.by(zoe).withMetadata(JsonObject.of(
          "pi", new BigDecimal("3.14159265358979323846264338327950288"), "huge", new BigDecimal("1E+400"),
          "quote", "\"\\\n\t", "list", List.of(1, "two", List.of()))));
      memory.messages().append(zoe, tricky.id(), NewMessage.user("Grüße, 世界 👋").withMetadata(JsonObject.of("n", 0.1)));
      memory.messages().append(zoe, tricky.id(), NewMessage.error(MessageRole.SYSTEM, "line one\nline two"));
      memory.context().add(zoe, tricky.id(), NewContextItem.of(ContextSource.of("crm.notes"), "likes tea", 0.3333333333333333)
          .withOriginalRole(MessageRole.USER).withFocusArea("drinks"));
      fromMemory = export(memory);
    }

    String fromSqlite;
    try (ConvoStore sqlite = ConvoStore.open("jdbc:sqlite:" + directory.resolve("copy.db"))) {
      importInto(sqlite, fromMemory);
      fromSqlite = export(sqlite);
    }
    assertEquals(fromMemory, fromSqlite);

    try (ConvoStore memory = ConvoStore.open("memory:")) {
      importInto(memory, fromSqlite);
      assertEquals(fromMemory, export(memory));
    }
  }
}
