package dev.convostore.cli;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ImportReport;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.bootstrap.SpringAiChatMemory;
import dev.convostore.bootstrap.TableImport;
import dev.convostore.domain.ConversationSnapshot;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  /** Where an import reads from: a JDBC URL, the user to connect as, the password from the environment. */
  static final class SourceOptions {
    @Option(names = "--from", required = true, paramLabel = "JDBC_URL",
        description = "The database that holds the table, such as jdbc:postgresql://host/app or jdbc:sqlite:app.db.")
    String url;

    @Option(names = "--from-user", paramLabel = "NAME", description = "The user to connect to the source as.")
    String user;

    /** The source's JDBC properties: the user given and the password CONVOSTORE_SOURCE_PASSWORD holds. */
    Properties connection(Cli cli) {
      Properties connection = new Properties();
      if (user != null) {
        connection.setProperty("user", user);
      }
      String password = cli.variable("CONVOSTORE_SOURCE_PASSWORD");
      if (password != null) {
        connection.setProperty("password", password);
      }
      return connection;
    }
  }

  /** Runs an import of rows into the acting user's store with a progress bar, and reports it. */
  private static int importRows(Cli cli, BiFunction<ConvoStore, LongConsumer, ImportReport> importing) {
    UserId user = cli.user();
    long started = System.nanoTime();
    ImportReport report;
    try (ConvoStore store = cli.open(); ProgressBar bar = progressBar(cli, "import", -1, " rows", 1)) {
      report = importing.apply(store, bar == null ? rows -> { } : bar::stepTo);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Object> json = reportJson(report, seconds);
    json.put("user", user.value());
    cli.print(String.format(Locale.ROOT, "imported %s, %s for %s in %.1f s; %s already in the store",
        Cli.count(report.conversations(), "conversation"), Cli.count(report.messages(), "message"), user, seconds,
        Cli.count(report.unchanged(), "conversation")), json);
    return 0;
  }

  @Command(name = "import-spring-ai", mixinStandardHelpOptions = true, description = {
      "Import Spring AI's JDBC chat memory table (Spring AI 1.x or 2.x) as conversations of the acting user, under the "
          + "ids convostore's Spring AI repository gives them; a conversation already stored is left alone.",
      "The source's password, if any, comes from the environment variable CONVOSTORE_SOURCE_PASSWORD."})
  static final class ImportSpringAi implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Mixin SourceOptions source;

    @Option(names = "--table", paramLabel = "NAME", description = "The table; default "
        + SpringAiChatMemory.DEFAULT_TABLE + ".")
    String table = SpringAiChatMemory.DEFAULT_TABLE;

    @Override
    public Integer call() {
      return importRows(cli, (store, progress) ->
          SpringAiChatMemory.importTable(store, source.url, source.connection(cli), table, cli.user(), progress));
    }
  }

  @Command(name = "import-table", mixinStandardHelpOptions = true, description = {
      "Import messages from any SQL table or query the JDBC URL reaches, by the names of its columns: the rows with "
          + "the same conversation id (and user) become one conversation, under an id derived from the namespace, "
          + "the user and that id, numbered in the order of the order column (or the time column). A conversation "
          + "already stored is left alone, so running it again changes nothing. Rules: docs/command-line-tool.md.",
      "The source's password, if any, comes from the environment variable CONVOSTORE_SOURCE_PASSWORD."})
  static final class ImportTable implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Mixin SourceOptions source;

    @Option(names = "--table", paramLabel = "NAME", description = "The table, optionally with its schema.")
    String table;

    @Option(names = "--query", paramLabel = "SQL", description = "A SELECT or WITH query instead of a table.")
    String query;

    @Option(names = "--namespace", paramLabel = "NAME",
        description = "Names the conversations with the user and the id; default the table's name (required with --query).")
    String namespace;

    @Option(names = "--conversation-column", required = true, paramLabel = "COLUMN", description = "The conversation id (text or integer).")
    String conversation;

    @Option(names = "--role-column", required = true, paramLabel = "COLUMN", description = "The role: user, assistant, system or tool.")
    String role;

    @Option(names = "--content-column", required = true, paramLabel = "COLUMN", description = "The message's text.")
    String content;

    @Option(names = "--time-column", paramLabel = "COLUMN",
        description = "When the message was written: a timestamp, ISO-8601 text or epoch milliseconds.")
    String time;

    @Option(names = "--order-column", paramLabel = "COLUMN",
        description = "The messages' order in a conversation, when not their time.")
    String order;

    @Option(names = "--epoch-seconds", description = "Numeric times count seconds, not milliseconds.")
    boolean epochSeconds;

    @Option(names = "--user-column", paramLabel = "COLUMN",
        description = "The conversation's user; without it every conversation is the acting user's.")
    String user;

    @Option(names = "--title-column", paramLabel = "COLUMN", description = "The conversation's title (its first one).")
    String title;

    @Option(names = "--tool-column", paramLabel = "COLUMN", description = "The tool a tool message answers for, or a message used.")
    String toolName;

    @Option(names = "--tool-success-column", paramLabel = "COLUMN", description = "Whether the tool succeeded.")
    String toolSuccess;

    @Option(names = "--action-column", paramLabel = "COLUMN", description = "What the tool did.")
    String action;

    @Option(names = "--metadata-column", paramLabel = "COLUMN", description = "A JSON object of the message's own data.")
    String metadata;

    @Override
    public Integer call() {
      if ((table == null) == (query == null)) {
        throw new ValidationException("--table", "give a table or a query (--query), not both");
      }
      if (query != null && namespace == null) {
        throw new ValidationException("--namespace", "is required with --query: it names the conversations");
      }
      TableImport.Columns columns = new TableImport.Columns(conversation, role, content, Optional.ofNullable(user),
          Optional.ofNullable(time), Optional.ofNullable(order), Optional.ofNullable(title), Optional.ofNullable(toolName),
          Optional.ofNullable(toolSuccess), Optional.ofNullable(action), Optional.ofNullable(metadata));
      TableImport rows = TableImport.of(source.url, source.connection(cli), table != null ? table : query, columns)
          .namespace(namespace != null ? namespace : table.toLowerCase(Locale.ROOT))
          .epochSeconds(epochSeconds);
      return importRows(cli, (store, progress) -> rows.run(store, cli.user(), progress));
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
