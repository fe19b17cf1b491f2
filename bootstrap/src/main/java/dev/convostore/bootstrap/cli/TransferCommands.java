package dev.convostore.bootstrap.cli;

import dev.convostore.application.port.in.ImportReport;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ConversationSnapshot;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
      description = "Write your conversations (or every user's, with --all) as JSON Lines, to standard output or a file.")
  static final class Export implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--all", description = "Every user's conversations.")
    boolean all;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead.")
    Path output;

    @Override
    public Integer call() throws IOException {
      try (ConvoStore store = cli.open();
          Stream<ConversationSnapshot> snapshots = all ? store.transfer().exportAll() : store.transfer().export(cli.user())) {
        if (output == null) {
          JsonLines.write(snapshots, cli.out());
          return 0;
        }
        Path file = cli.workingDirectory().resolve(output);
        long count;
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          count = JsonLines.write(snapshots, writer);
        }
        cli.print("exported " + count + " conversations to " + output, Map.of("conversations", count, "file", output.toString()));
      }
      return 0;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Read a JSON Lines export into the store. Every line is checked before anything is stored; "
          + "each conversation is then stored whole, replacing one with its id, so importing twice changes nothing."})
  static final class Import implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(paramLabel = "FILE", description = "The export to read.")
    Path input;

    @Override
    public Integer call() throws IOException {
      Path file = cli.workingDirectory().resolve(input);
      if (!Files.isRegularFile(file)) {
        throw new Cli.UserError("no such file: " + input);
      }
      long started = System.nanoTime();
      ImportReport report;
      try (ConvoStore store = cli.open(); ProgressBar bar = progressBar(Files.size(file))) {
        LongConsumer progress = bar == null ? read -> { } : bar::stepTo;
        report = JsonLines.importFile(() -> Files.newBufferedReader(file, StandardCharsets.UTF_8), store.transfer(), progress);
        if (bar != null) {
          bar.stepTo(bar.getMax()); // progress counts characters, the size bytes: finish at 100%
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("conversations", report.conversations());
      json.put("messages", report.messages());
      json.put("contextItems", report.contextItems());
      json.put("seconds", Math.round(seconds * 1000) / 1000.0);
      cli.print(String.format(Locale.ROOT, "imported %d conversations, %d messages, %d context items in %.1f s",
          report.conversations(), report.messages(), report.contextItems(), seconds), json);
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
