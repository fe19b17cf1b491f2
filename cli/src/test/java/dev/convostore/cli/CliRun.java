package dev.convostore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One run of the command line in this JVM, as a person in {@code directory} would type it. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(Path directory, Map<String, String> environment, String input, String... args) {
    return run(directory, environment, input.getBytes(StandardCharsets.UTF_8), args);
  }

  static CliRun run(Path directory, Map<String, String> environment, byte[] input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, environment, directory, new ByteArrayInputStream(input), new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun run(Path directory, String... args) {
    return run(directory, Map.of(), "", args);
  }

  /** Asserts the run succeeded. */
  static void assertOk(CliRun run) {
    assertEquals(0, run.exitCode(), () -> "stdout: " + run.out() + "\nstderr: " + run.err());
  }

  /** A refusal: exit code 1, standard error saying what was wrong, no stack trace. */
  static void assertRefused(CliRun run, String says) {
    assertEquals(1, run.exitCode(), () -> "stdout: " + run.out() + "\nstderr: " + run.err());
    assertTrue(run.err().contains(says), () -> "stderr: " + run.err());
    assertFalse(run.err().contains("\tat "), () -> "a stack trace: " + run.err());
  }

  /** The output, parsed as JSON (the run had {@code --json}). */
  JsonNode json() {
    try {
      return Cli.JSON.readTree(out);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }
}
