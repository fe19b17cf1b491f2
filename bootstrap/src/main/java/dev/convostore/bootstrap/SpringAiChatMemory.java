package dev.convostore.bootstrap;

import dev.convostore.application.port.in.ImportReport;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Spring AI's chat memory in convostore: how a Spring AI conversation id names a convostore
 * conversation (the rule the Spring AI integration follows), and the import of the table Spring
 * AI's {@code JdbcChatMemoryRepository} writes ({@code SPRING_AI_CHAT_MEMORY}, in its 1.x schema,
 * ordered by timestamp, and its 2.x schema, ordered by {@code sequence_id}).
 *
 * <p>Each Spring AI conversation becomes a conversation of the named user, with the id {@link
 * #conversationId} gives and the Spring AI id in its metadata ({@value #CONVERSATION_ID}), its
 * messages in order with their timestamps (see {@link TableImport} for the rules). A conversation
 * the store already holds is left as it is, so importing twice changes nothing. The table holds
 * text only: a {@code TOOL} row becomes a tool result of an unknown tool, and a blank text becomes
 * {@value #NO_TEXT}.
 */
public final class SpringAiChatMemory {

  /** The conversation metadata member that holds the Spring AI conversation id. */
  public static final String CONVERSATION_ID = "springAi.conversationId";

  /** The framework's name in its conversations' ids and notes. */
  public static final String FRAMEWORK = "spring-ai";

  /** The table Spring AI's JDBC repository writes. */
  public static final String DEFAULT_TABLE = "SPRING_AI_CHAT_MEMORY";

  /** What a message holds whose Spring AI text was blank (convostore keeps text messages non-blank). */
  public static final String NO_TEXT = TableImport.NO_TEXT;

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private SpringAiChatMemory() {}

  /** The convostore conversation of a user's Spring AI conversation: the same one every time. */
  public static ConversationId conversationId(UserId user, String springAiConversationId) {
    return MemoryIds.conversationId(FRAMEWORK, user, springAiConversationId);
  }

  /**
   * Imports every conversation of {@code table} at {@code sourceUrl} as conversations of {@code
   * user}, reporting the rows read so far to {@code progress}: a {@link TableImport} of the
   * table's columns, in the Spring AI namespace.
   *
   * @param connection the source's JDBC properties ({@code user}, {@code password}), may be empty
   * @throws ValidationException when the table is not a Spring AI chat memory table
   * @throws StoreFailureException when the source cannot be read
   */
  public static ImportReport importTable(
      ConvoStore store, String sourceUrl, Properties connection, String table, UserId user, LongConsumer progress) {
    if (table == null || !TABLE_NAME.matcher(table).matches()) {
      throw new ValidationException("table", "must be a table name, optionally with its schema");
    }
    TableImport.Columns columns = TableImport.Columns.of("conversation_id", "type", "content", "timestamp");
    TableImport springAi = TableImport.of(sourceUrl, connection, table, columns.order("sequence_id"))
        .namespace(FRAMEWORK).idMember(CONVERSATION_ID);
    try {
      return springAi.run(store, user, progress);
    } catch (ValidationException noSequenceNumbers) {
      if (!"order".equals(noSequenceNumbers.field())) {
        throw noSequenceNumbers;
      }
      // Spring AI 1.x: no sequence_id, the timestamps order the messages
      return new TableImport(sourceUrl, connection, table, columns, FRAMEWORK, CONVERSATION_ID, false)
          .run(store, user, progress);
    }
  }
}
