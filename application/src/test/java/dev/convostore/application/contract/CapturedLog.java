package dev.convostore.application.contract;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a piece of work writes to standard error, where the tests' SLF4J provider (slf4j-simple) writes the log. */
public final class CapturedLog {

  private CapturedLog() {}

  /** Runs {@code work} and returns what it wrote to standard error meanwhile. */
  public static String of(Runnable work) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
