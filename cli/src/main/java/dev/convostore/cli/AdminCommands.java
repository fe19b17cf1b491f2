package dev.convostore.cli;

import dev.convostore.application.port.in.RetentionPolicy;
import dev.convostore.application.port.in.RetentionPolicy.IdleAction;
import dev.convostore.application.port.out.SchemaMigration;
import dev.convostore.application.port.out.SchemaMigrations;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ErasureReport;
import dev.convostore.domain.RetentionReport;
import dev.convostore.domain.UserId;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Commands that remove data in bulk, and schema migrations. */
final class AdminCommands {

  private AdminCommands() {}

  @Command(name = "erase-user", mixinStandardHelpOptions = true,
      description = "Delete everything the acting user (--user) has: conversations, messages, context items.")
  static final class EraseUser implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--yes", description = "Confirm: this cannot be undone.")
    boolean confirmed;

    @Override
    public Integer call() {
      UserId user = cli.user();
      if (!confirmed) {
        throw new Cli.UserError("erase-user deletes everything of " + user + "; repeat with --yes to confirm");
      }
      try (ConvoStore store = cli.open()) {
        ErasureReport report = store.conversations().eraseUser(user);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", user.value());
        json.put("conversations", report.conversations());
        json.put("messages", report.messages());
        json.put("contextItems", report.contextItems());
        cli.print("erased " + user + ": " + report.conversations() + " conversations, " + report.messages()
            + " messages, " + report.contextItems() + " context items", json);
      }
      return 0;
    }
  }

  @Command(name = "retention", mixinStandardHelpOptions = true,
      description = "Apply a retention policy to every user's conversations and print what it removed.")
  static final class Retention implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--idle", paramLabel = "DURATION",
        description = "Act on conversations idle longer than this: 30d, 12h, 45m or ISO-8601 (P30D).")
    String idle;

    @Option(names = "--deactivate", description = "Deactivate idle conversations instead of deleting them.")
    boolean deactivate;

    @Option(names = "--delete-inactive", paramLabel = "DURATION",
        description = "Delete inactive conversations without activity for longer than this (30d, 12h, P30D).")
    String deleteInactive;

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep at most N messages per conversation.")
    Integer keepLast;

    @Option(names = "--yes", description = "Confirm a policy that deletes: what it deletes cannot be undone.")
    boolean confirmed;

    @Override
    public Integer call() {
      if (deactivate && idle == null) {
        throw new Cli.UserError("--deactivate acts on idle conversations: give --idle DURATION too");
      }
      if (idle == null && deleteInactive == null && keepLast == null) {
        throw new Cli.UserError("give --idle DURATION, --delete-inactive DURATION, --keep-last N, or several");
      }
      Optional<Duration> idleFor = Optional.ofNullable(idle).map(text -> duration("--idle", text));
      Optional<Duration> inactiveFor = Optional.ofNullable(deleteInactive).map(text -> duration("--delete-inactive", text));
      RetentionPolicy policy = new RetentionPolicy(idleFor, deactivate ? IdleAction.DEACTIVATE : IdleAction.DELETE,
          inactiveFor, keepLast == null ? OptionalInt.empty() : OptionalInt.of(keepLast));
      boolean deletes = idleFor.isPresent() && !deactivate || inactiveFor.isPresent() || keepLast != null;
      if (deletes && !confirmed) {
        throw new Cli.UserError("this retention policy deletes conversations or messages of every user;"
            + " repeat with --yes to confirm");
      }
      try (ConvoStore store = cli.open()) {
        RetentionReport report = store.retention().apply(policy);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("conversationsDeleted", report.conversationsDeleted());
        json.put("conversationsDeactivated", report.conversationsDeactivated());
        json.put("messagesDeleted", report.messagesDeleted());
        cli.print("deleted " + report.conversationsDeleted() + " conversations, deactivated "
            + report.conversationsDeactivated() + ", deleted " + report.messagesDeleted() + " messages", json);
      }
      return 0;
    }

    static Duration duration(String option, String text) {
      String value = text.strip().toLowerCase(Locale.ROOT);
      try {
        if (value.matches("\\d+[dhms]")) {
          long amount = Long.parseLong(value.substring(0, value.length() - 1));
          return switch (value.charAt(value.length() - 1)) {
            case 'd' -> Duration.ofDays(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
          };
        }
        return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException | ArithmeticException notADuration) {
        throw new Cli.UserError(option + " must be a duration such as 30d, 12h, 45m or P30D, not '" + text + "'");
      }
    }
  }

  @Command(name = "migrate", mixinStandardHelpOptions = true,
      description = "Show the schema's migrations (status), apply the pending ones (apply), apply them and "
          + "distribute the tables by conversation over the Citus cluster whose coordinator --db names "
          + "(distribute), or undo those newer than a version (rollback VERSION).")
  static final class Migrate implements Callable<Integer> {
    /** The PostgreSQL store's setting that distributes the tables (its value: citus). */
    static final String DISTRIBUTE = "convostore.distribute";

    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "ACTION", description = "status, apply, distribute or rollback.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "For rollback: the version to keep.")
    String version;

    @Option(names = "--yes", description = "Confirm a rollback: it deletes the data in the tables it drops.")
    boolean confirmed;

    @Override
    public Integer call() {
      Properties properties = cli.storeProperties();
      if (action.equals("distribute")) {
        if (!properties.getProperty("convostore.url").startsWith("jdbc:postgresql:")) {
          throw new Cli.UserError("distribute needs --db to name a Citus coordinator: jdbc:postgresql://host:port/database");
        }
        properties.setProperty(DISTRIBUTE, "citus");
      }
      SchemaMigrations migrations = ConvoStore.migrations(properties)
          .orElseThrow(() -> new Cli.UserError("this store keeps no schema: there is nothing to migrate"));
      switch (action) {
        case "status" -> {
          List<SchemaMigration> status = migrations.status();
          List<Map<String, Object>> json = status.stream().map(Migrate::json).toList();
          String text = status.stream().map(m -> "V" + m.version() + "  " + m.description() + "  "
                  + m.state().name().toLowerCase(Locale.ROOT) + m.appliedAt().map(at -> " at " + at).orElse(""))
              .collect(Collectors.joining("\n"));
          cli.print(text, json);
        }
        case "apply" -> {
          int applied = migrations.apply();
          cli.print("applied " + applied + " migrations", Map.of("applied", applied));
        }
        case "distribute" -> {
          int applied = migrations.apply();
          cli.print("applied " + applied + " migrations; the tables are distributed by conversation",
              Map.of("applied", applied, "distributed", true));
        }
        case "rollback" -> {
          if (version == null) {
            throw new Cli.UserError("rollback needs the version to keep, such as: migrate rollback 0");
          }
          List<SchemaMigration> undone = migrations.status().stream()
              .filter(m -> m.state() == SchemaMigration.State.APPLIED && newerThan(m.version(), version))
              .toList();
          if (!confirmed && !undone.isEmpty()) {
            throw new Cli.UserError("rollback to " + version + " undoes " + undone.stream()
                .map(m -> "V" + m.version() + " (" + m.description() + ")").collect(Collectors.joining(", "))
                + ", deleting the tables they created with every conversation, message and context item in them; "
                + "the next command that opens the store creates them again, empty. Repeat with --yes to confirm");
          }
          int count = migrations.rollbackTo(version);
          cli.print("undid " + Cli.count(count, "migration"), Map.of("undone", count));
        }
        default -> throw new Cli.UserError(
            "the action must be status, apply, distribute or rollback, not '" + action + "'");
      }
      return 0;
    }

    private static boolean newerThan(String version, String kept) {
      try {
        return new java.math.BigDecimal(version).compareTo(new java.math.BigDecimal(kept)) > 0;
      } catch (NumberFormatException notANumber) {
        throw new Cli.UserError("the version to keep must be a number such as 0 or 1, not '" + kept + "'");
      }
    }

    private static Map<String, Object> json(SchemaMigration migration) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("version", migration.version());
      json.put("description", migration.description());
      json.put("state", migration.state().name().toLowerCase(Locale.ROOT));
      json.put("appliedAt", migration.appliedAt().map(Object::toString).orElse(null));
      return json;
    }
  }
}
