package dev.convostore.bootstrap.cli;

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

  /** The output, parsed as JSON (the run had {@code --json}). */
  JsonNode json() {
    try {
      return Cli.JSON.readTree(out);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }
}
