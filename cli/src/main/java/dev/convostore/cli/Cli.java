package dev.convostore.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ConvostoreException;
import dev.convostore.domain.JsonNumber;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code convostore} command: global options, where the store is, how results are printed
 * and what each failure's exit code is.
 */
@Command(
    name = "convostore",
    mixinStandardHelpOptions = true,
    version = "convostore 0.1.0",
    description = "Stores the conversations of AI assistants: messages, tool calls, context items, agent state.",
    subcommands = {
        DemoCommand.class,
        ConversationCommands.New.class,
        MessageCommands.Append.class,
        ConversationCommands.Show.class,
        ConversationCommands.ListCommand.class,
        MessageCommands.Search.class,
        MessageCommands.Redact.class,
        MessageCommands.Rate.class,
        MessageCommands.FeedbackOf.class,
        ConversationCommands.Stats.class,
        ConversationCommands.Tools.class,
        ConversationCommands.Rename.class,
        ConversationCommands.Deactivate.class,
        ConversationCommands.Reactivate.class,
        ConversationCommands.Delete.class,
        AdminCommands.EraseUser.class,
        AdminCommands.Retention.class,
        TransferCommands.Export.class,
        TransferCommands.Import.class,
        TransferCommands.ImportSpringAi.class,
        TransferCommands.ImportTable.class,
        AdminCommands.Migrate.class
    },
    footer = {
        "",
        "Store: --db URL, else CONVOSTORE_URL, else convostore.url in ./convostore.properties, else "
            + Cli.DEFAULT_URL + ".",
        "User: --user ID, else CONVOSTORE_USER, else convostore.user in ./convostore.properties, else "
            + Cli.DEFAULT_USER + ".",
        "Exit codes: 0 done, 1 refused (bad input, not found, conflict), 2 usage error, 3 the store failed "
            + "(wrong credentials, no such database, damaged data...), 4 the store is unreachable or busy: try again."
    })
public final class Cli implements Runnable {

  static final String DEFAULT_FILE = "convostore.db";
  private static final String SQLITE_SCHEME = "jdbc:sqlite:";
  private static final String H2_FILE_SCHEME = "jdbc:h2:file:";
  static final String DEFAULT_URL = SQLITE_SCHEME + DEFAULT_FILE;
  static final String DEFAULT_USER = "cli-user";
  static final String PROPERTIES_FILE = "convostore.properties";
  private static final String USER_KEY = "convostore.user";

  static final int REFUSED = 1;
  static final int STORE_FAILED = 3;
  static final int RETRYABLE = 4;

  /** Reads and writes JSON with numbers kept exact. */
  static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          // Numbers as long as a JsonNumber may be; texts as long as the store's limits allow.
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNumberLength(JsonNumber.MAX_INTEGER_DIGITS + JsonNumber.MAX_FRACTION_DIGITS + 2)
              .maxStringLength(Integer.MAX_VALUE)
              .build())
          .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "The store: jdbc:sqlite:PATH, jdbc:postgresql://HOST/DB or memory:.")
  String db;

  @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "ID", description = "The acting user.")
  String user;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON for scripts instead of text.")
  boolean json;

  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final InputStream in;
  private PrintWriter out;
  private PrintWriter err;

  Cli(Map<String, String> environment, Path workingDirectory, InputStream in) {
    this.environment = environment;
    this.workingDirectory = workingDirectory;
    this.in = in;
  }

  /** Runs the command line and returns its exit code. */
  static int run(String[] args, Map<String, String> environment, Path workingDirectory, InputStream in,
      PrintWriter out, PrintWriter err) {
    Cli cli = new Cli(environment, workingDirectory, in);
    cli.out = out;
    cli.err = err;
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
      err.println("convostore: " + message(failure));
      err.flush();
      return exitCode(failure);
    });
    String unknown = unknownCommand(commandLine, args);
    if (unknown != null) { // picocli would print the main help when --help follows it
      err.println("convostore: unknown command '" + unknown + "' (see convostore --help)");
      err.flush();
      return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The first word that stands where a command belongs and is none; null if there is none. */
  private static String unknownCommand(CommandLine commandLine, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--db") || arg.equals("--user")) {
        i++; // its value
      } else if (!arg.startsWith("-")) {
        return commandLine.getSubcommands().containsKey(arg) ? null : arg;
      }
    }
    return null;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (see --help)");
  }

  private static String message(Exception failure) {
    if (failure instanceof StoreFailureException store) {
      return store.getMessage() + (store.retryable() ? " (" + Views.lower(store.kind()) + ": retrying may work)" : "");
    }
    if (failure instanceof ConvostoreException || failure instanceof JsonLines.InvalidFileException
        || failure instanceof UserError) {
      return failure.getMessage();
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      return "cannot read or write a file: " + failure.getMessage();
    }
    return "unexpected failure: " + failure; // a bug: say so, without a stack trace
  }

  private static int exitCode(Exception failure) {
    if (failure instanceof StoreFailureException store) {
      return store.retryable() ? RETRYABLE : STORE_FAILED;
    }
    return REFUSED;
  }

  /** The store's settings: the properties file, then the environment, then {@code --db}. */
  Properties storeProperties() {
    Properties properties = new Properties();
    Path file = workingDirectory.resolve(PROPERTIES_FILE);
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UserError("cannot read " + file + ": " + e.getMessage());
      }
    }
    properties.remove(USER_KEY); // the CLI's own setting, not the store's
    String url = db != null ? db : environment.getOrDefault("CONVOSTORE_URL", properties.getProperty("convostore.url"));
    properties.setProperty("convostore.url", url != null && !url.isBlank() ? url
        : "jdbc:sqlite:" + workingDirectory.resolve(DEFAULT_FILE)); // the default file is in the working directory
    // Each command is a new process, and its operator may act as any user anyway, so the signature
    // only has to tell users' cursors apart and survive between commands: a key derived from the URL.
    properties.putIfAbsent("convostore.cursor-secret", "convostore command-line cursors of " + properties.getProperty("convostore.url"));
    return properties;
  }

  /** An environment variable of this run, or null. */
  String variable(String name) {
    return environment.get(name);
  }

  /** The acting user: {@code --user}, then the environment, then the properties file, then the default. */
  UserId user() {
    if (user != null) {
      return UserId.of(user);
    }
    if (environment.get("CONVOSTORE_USER") != null) {
      return UserId.of(environment.get("CONVOSTORE_USER"));
    }
    Path file = workingDirectory.resolve(PROPERTIES_FILE);
    if (Files.isRegularFile(file)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UserError("cannot read " + file + ": " + e.getMessage());
      }
      if (properties.getProperty(USER_KEY) != null) {
        return UserId.of(properties.getProperty(USER_KEY));
      }
    }
    return UserId.of(DEFAULT_USER);
  }

  ConvoStore open() {
    return ConvoStore.open(storeProperties());
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  InputStream in() {
    return in;
  }

  PrintWriter out() {
    return out;
  }

  /** A warning on standard error: the command goes on. */
  void warn(String warning) {
    err.println("convostore: warning: " + warning);
    err.flush();
  }

  /** "1 conversation", "2 conversations". */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /**
   * Whether the path is one of the files of the store in use (SQLite's database, WAL,
   * shared-memory and journal files; H2's database, lock and trace files), which an export must
   * never overwrite.
   */
  boolean isStoreFile(Path path) {
    String url = storeProperties().getProperty("convostore.url");
    String name;
    List<String> suffixes;
    if (url.startsWith(SQLITE_SCHEME)) {
      name = url.substring(SQLITE_SCHEME.length());
      name = name.startsWith("file:") ? name.substring("file:".length()) : name;
      name = name.contains("?") ? name.substring(0, name.indexOf('?')) : name;
      suffixes = List.of("", "-wal", "-shm", "-journal");
    } else if (url.startsWith(H2_FILE_SCHEME)) {
      name = url.substring(H2_FILE_SCHEME.length()).split(";", 2)[0];
      name = name.startsWith("~") ? System.getProperty("user.home") + name.substring(1) : name;
      suffixes = List.of(".mv.db", ".lock.db", ".trace.db");
    } else {
      return false;
    }
    if (name.isEmpty() || name.equals(":memory:")) {
      return false;
    }
    Path database = workingDirectory.resolve(name).toAbsolutePath().normalize();
    Path target = path.toAbsolutePath().normalize();
    for (String suffix : suffixes) {
      Path file = database.resolveSibling(database.getFileName() + suffix);
      try {
        if (file.equals(target) || (Files.exists(target) && Files.exists(file) && Files.isSameFile(file, target))) {
          return true;
        }
      } catch (IOException cannotTell) {
        return true; // refusing is the safe answer
      }
    }
    return false;
  }

  /** Prints the text, or with {@code --json} the JSON of {@code data}. */
  void print(String text, Object data) {
    if (json) {
      try {
        out.println(JSON.writeValueAsString(data));
      } catch (JsonProcessingException cannotHappen) {
        throw new IllegalStateException(cannotHappen);
      }
    } else {
      out.println(text);
    }
  }

  /** A mistake of the person at the keyboard, told in a sentence. */
  static final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
      super(message);
    }
  }
}
