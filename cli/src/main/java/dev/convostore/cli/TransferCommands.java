package dev.convostore.cli;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ImportReport;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.SpringAiChatMemory;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Export to and import from the JSON Lines format (see README). */
final class TransferCommands {

  private TransferCommands() {}

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Write your conversations (or every user's, with --all) as JSON Lines, to standard output or a file.",
          "With -o, an existing file is replaced only once the new export is complete and synced to disk: "
              + "a failure or an interruption leaves it as it was. The store's own files are refused."})
  static final class Export implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--all", description = "Every user's conversations.")
    boolean all;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead.")
    Path output;

    @Override
    public Integer call() throws IOException {
      Path file = output == null ? null : cli.workingDirectory().resolve(output);
      if (file != null && cli.isStoreFile(file)) {
        throw new Cli.UserError("refusing to export into " + output + ": it is a file of the store being exported");
      }
      try (ConvoStore store = cli.open();
          Stream<ConversationSnapshot> snapshots = all ? store.transfer().exportAll() : store.transfer().export(cli.user())) {
        if (file == null) {
          JsonLines.write(snapshots, cli.out());
          return 0;
        }
        JsonLines.Totals totals = AtomicFile.replace(file, writer -> JsonLines.write(snapshots, writer));
        cli.print("exported " + Cli.count(totals.conversations(), "conversation") + " to " + output,
            Map.of("conversations", totals.conversations(), "file", output.toString()));
      }
      return 0;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Read a JSON Lines export into the store: an administrator's command, since the owners come "
          + "from the file.",
          "Every line is checked first, as storing would check it; a bad line imports nothing and is named by its "
              + "number. Then each conversation is stored whole: a new one is created, one already stored as the "
              + "file holds it is left alone (importing twice changes nothing), a newer state replaces the stored "
              + "one and raises its version. A conversation older in the file than in the store is refused unless "
              + "--replace is given; an import never changes a conversation's owner.",
          "FILE may be - for standard input."})
  static final class Import implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(paramLabel = "FILE", description = "The export to read, or - for standard input.")
    String input;

    @Option(names = "--replace", description = "Replace stored conversations even by older states (a restore); "
        + "sequence numbers already given are still never given again.")
    boolean replace;

    @Option(names = "--max-line-mb", paramLabel = "MIB", description = "The longest line (one conversation) read, "
        + "in MiB; default " + JsonLines.DEFAULT_MAX_LINE_MIB + ".")
    int maxLineMib = JsonLines.DEFAULT_MAX_LINE_MIB;

    @Override
    public Integer call() throws IOException {
      if (maxLineMib < 1 || maxLineMib > 1024) {
        throw new Cli.UserError("--max-line-mb must be from 1 to 1024, not " + maxLineMib);
      }
      JsonLines.ImportOptions options = new JsonLines.ImportOptions(maxLineMib << 20,
          replace ? ImportMode.REPLACE : ImportMode.NEVER_BACKWARDS, warning -> cli.warn(input + ": " + warning));
      Path file = cli.workingDirectory().resolve(input.equals("-") ? "." : input);
      if (!input.equals("-") && !Files.exists(file)) {
        throw new Cli.UserError("no such file: " + input);
      }
      if (!input.equals("-") && Files.isDirectory(file)) {
        throw new Cli.UserError(input + " is a directory, not an export");
      }
      if (input.equals("-") || !Files.isRegularFile(file)) {
        // Read twice (check, then store): a stream such as standard input is kept in a private temporary file meanwhile.
        Path copy = Files.createTempFile("convostore-import-", ".jsonl");
        try (InputStream stream = input.equals("-") ? cli.in() : Files.newInputStream(file)) {
          Files.copy(stream, copy, StandardCopyOption.REPLACE_EXISTING);
          return importFrom(copy, options);
        } finally {
          Files.deleteIfExists(copy);
        }
      }
      return importFrom(file, options);
    }

    private int importFrom(Path file, JsonLines.ImportOptions options) throws IOException {
      long started = System.nanoTime();
      ImportReport report;
      try (ConvoStore store = cli.open();
          ProgressBar bar = progressBar(cli, "import", Files.isRegularFile(file) ? Files.size(file) : 0, " MB", 1_000_000)) {
        LongConsumer progress = bar == null ? read -> { } : bar::stepTo;
        report = JsonLines.importFile(() -> Files.newInputStream(file), store.transfer(), options, progress);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> json = reportJson(report, seconds);
      cli.print(String.format(Locale.ROOT, "imported %s, %s, %s in %.1f s; %s already stored as in the file",
          Cli.count(report.conversations(), "conversation"), Cli.count(report.messages(), "message"),
          Cli.count(report.contextItems(), "context item"), seconds, Cli.count(report.unchanged(), "conversation")), json);
      return 0;
    }
  }

  @Command(name = "import-spring-ai", mixinStandardHelpOptions = true, description = {
      "Import Spring AI's JDBC chat memory table (Spring AI 1.x or 2.x) as conversations of the acting user, under the "
          + "ids convostore's Spring AI repository gives them; a conversation already stored is left alone.",
      "The source's password, if any, comes from the environment variable CONVOSTORE_SOURCE_PASSWORD."})
  static final class ImportSpringAi implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--from", required = true, paramLabel = "JDBC_URL",
        description = "The database that holds the table, such as jdbc:postgresql://host/app or jdbc:sqlite:app.db.")
    String from;

    @Option(names = "--from-user", paramLabel = "NAME", description = "The user to connect to the source as.")
    String fromUser;

    @Option(names = "--table", paramLabel = "NAME", description = "The table; default "
        + SpringAiChatMemory.DEFAULT_TABLE + ".")
    String table = SpringAiChatMemory.DEFAULT_TABLE;

    @Override
    public Integer call() {
      UserId user = cli.user();
      Properties connection = new Properties();
      if (fromUser != null) {
        connection.setProperty("user", fromUser);
      }
      String password = cli.variable("CONVOSTORE_SOURCE_PASSWORD");
      if (password != null) {
        connection.setProperty("password", password);
      }
      long started = System.nanoTime();
      ImportReport report;
      try (ConvoStore store = cli.open(); ProgressBar bar = progressBar(cli, "import", -1, " rows", 1)) {
        LongConsumer progress = bar == null ? rows -> { } : bar::stepTo;
        report = SpringAiChatMemory.importTable(store, from, connection, table, user, progress);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> json = reportJson(report, seconds);
      json.put("user", user.value());
      cli.print(String.format(Locale.ROOT, "imported %s, %s for %s in %.1f s; %s already in the store",
          Cli.count(report.conversations(), "conversation"), Cli.count(report.messages(), "message"), user, seconds,
          Cli.count(report.unchanged(), "conversation")), json);
      return 0;
    }
  }

  /** What an import did, for {@code --json}. */
  private static Map<String, Object> reportJson(ImportReport report, double seconds) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("conversations", report.conversations());
    json.put("messages", report.messages());
    json.put("contextItems", report.contextItems());
    json.put("unchanged", report.unchanged());
    json.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return json;
  }

  /** A progress bar on a terminal ({@code max} -1 when unknown); none when the output goes to a file or a pipe. */
  private static ProgressBar progressBar(Cli cli, String task, long max, String unit, long unitSize) {
    if (System.console() == null || cli.out() == null) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }
}
