package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.contract.CapturedLog;
import dev.convostore.application.contract.UserData;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What convostore logs (through SLF4J; slf4j-simple writes it to standard error in these tests, at
 * every level for convostore: see the pom): one line per opening, per migration and per translated
 * failure, and never the data the users stored.
 */
class SqliteLogTest {

  /** The contract suite on SQLite: every contract class, once. */
  private static final List<Class<?>> CONTRACT_SUITE = List.of(
      SqliteAppendTest.class, SqliteConcurrencyTest.class, SqliteContextTest.class, SqliteConversationTest.class,
      SqliteHistoryTest.class, SqliteHostileInputTest.class, SqliteInjectionTest.class, SqliteIsolationTest.class,
      SqliteListingTest.class, SqliteRetentionTest.class, SqliteSearchTest.class, SqliteTransferTest.class);

  /** Shorter strings (user ids such as "bob", single words) may occur in a log line by chance. */
  private static final int SHORTEST_CHECKED = 8;
  /** Text the suite stores that convostore's own log lines hold too. */
  private static final Set<String> OUR_OWN_WORDS = Set.of("convostore");

  @RegisterExtension final SqliteFile file = new SqliteFile();

  private static long linesMatching(String log, String pattern) {
    Pattern compiled = Pattern.compile(pattern);
    return log.lines().filter(line -> compiled.matcher(line).find()).count();
  }

  @Test
  void theWholeContractSuitesLogHoldsNoneOfTheTextItStored() throws IOException {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    List<Set<String>> stored = new ArrayList<>();
    String log = CapturedLog.of(() -> stored.add(UserData.record(() -> LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(CONTRACT_SUITE.stream().map(type -> selectClass(type)).toList())
            .build(),
        summary))));

    Files.writeString(Path.of("target", "contract-suite.log"), log); // to read when this test fails
    TestExecutionSummary result = summary.getSummary();
    assertEquals(0, result.getTotalFailureCount(), () -> "the suite must pass for its log to count: "
        + result.getFailures().stream().map(failure -> failure.getException().toString()).toList());
    assertTrue(result.getTestsSucceededCount() > 200, "the whole suite ran: " + result.getTestsSucceededCount());
    assertTrue(stored.get(0).size() > 1000, "the suite's text was recorded: " + stored.get(0).size());
    assertTrue(linesMatching(log, "Opened a convostore sqlite store") > 0, "the log was captured");
    Set<String> leaked = stored.get(0).stream()
        .map(String::strip)
        .filter(text -> text.length() >= SHORTEST_CHECKED && !OUR_OWN_WORDS.contains(text) && log.contains(text))
        .collect(Collectors.toSet());
    assertEquals(Set.of(), leaked, "stored text found in the log");
  }

  @Test
  void openingMigratingAndATranslatedFailureEachLogOneLine() throws IOException {
    String firstOpening = CapturedLog.of(() -> file.open(Map.of()).close());
    assertEquals(1, linesMatching(firstOpening, "INFO .*Opened a convostore sqlite store at jdbc:sqlite:.*, schema version \\d+"),
        firstOpening);
    assertEquals(1, linesMatching(firstOpening, "INFO .*Migrated convostore's schema from version 0 to \\d+ \\(\\d+ applied\\)"),
        firstOpening);

    String secondOpening = CapturedLog.of(() -> file.open(Map.of()).close());
    assertEquals(1, linesMatching(secondOpening, "Opened a convostore sqlite store"), secondOpening);
    assertEquals(0, linesMatching(secondOpening, "Migrated"), secondOpening);

    Files.writeString(file.folder().resolve("store.db"), "not a database, but the words of a secret diary ".repeat(100));
    String failure = CapturedLog.of(() -> {
      try (Storage storage = file.open(Map.of())) {
        UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS).history()
            .history(UserId.of("alice"), ConversationId.newId(), HistoryRequest.last(1));
      } catch (StoreFailureException expected) {
        assertEquals(StoreFailureException.Kind.CORRUPT, expected.kind());
      }
    });
    assertEquals(1, linesMatching(failure, "WARN .*convostore call failed \\(CORRUPT\\)"), failure);
    assertEquals(0, linesMatching(failure, "secret diary"), failure);
  }
}
