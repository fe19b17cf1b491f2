package dev.convostore.cli;

import dev.convostore.application.port.in.ImportMode;
import dev.convostore.application.port.in.ImportReport;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ConversationSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
      try (ConvoStore store = cli.open(); ProgressBar bar = progressBar(Files.isRegularFile(file) ? Files.size(file) : 0)) {
        LongConsumer progress = bar == null ? read -> { } : bar::stepTo;
        report = JsonLines.importFile(() -> Files.newInputStream(file), store.transfer(), options, progress);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("conversations", report.conversations());
      json.put("messages", report.messages());
      json.put("contextItems", report.contextItems());
      json.put("unchanged", report.unchanged());
      json.put("seconds", Math.round(seconds * 1000) / 1000.0);
      cli.print(String.format(Locale.ROOT, "imported %s, %s, %s in %.1f s; %s already stored as in the file",
          Cli.count(report.conversations(), "conversation"), Cli.count(report.messages(), "message"),
          Cli.count(report.contextItems(), "context item"), seconds, Cli.count(report.unchanged(), "conversation")), json);
      return 0;
    }

    /** A progress bar on a terminal; none when the output goes to a file or a pipe. */
    private ProgressBar progressBar(long size) {
      if (System.console() == null || cli.out() == null) {
        return null;
      }
      return new ProgressBarBuilder().setTaskName("import").setInitialMax(size).setUnit(" MB", 1_000_000)
          .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
          .build();
    }
  }
}
