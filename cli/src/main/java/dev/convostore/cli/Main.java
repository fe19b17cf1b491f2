package dev.convostore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code convostore} command-line tool. */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Flyway and HikariCP report their routine work at info; the tool's user wants warnings only.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    // Flyway logs, with stack traces, the races it resolves itself when processes create one store
    // together; a failure it does not resolve reaches the tool as an error, told in a sentence.
    System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "off");
    privateSqliteLibraryFolder();
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
    System.exit(Cli.run(args, System.getenv(), Path.of("").toAbsolutePath(), System.in, out, err));
  }

  /**
   * sqlite-jdbc unpacks its native library into a shared temporary folder and, on loading, deletes
   * the copies it believes stale: processes started together race over each other's copies and
   * print stack traces. Each run of the tool unpacks into a folder of its own, removed at exit.
   */
  private static void privateSqliteLibraryFolder() {
    if (System.getProperty("org.sqlite.tmpdir") != null || System.getProperty("org.sqlite.lib.path") != null) {
      return; // the operator chose
    }
    try {
      Path folder = Files.createTempDirectory("convostore-sqlite-");
      folder.toFile().deleteOnExit(); // registered first, so deleted after the library unpacked into it
      System.setProperty("org.sqlite.tmpdir", folder.toString());
    } catch (IOException noTemporaryFolder) {
      // sqlite-jdbc falls back to its shared folder
    }
  }
}
