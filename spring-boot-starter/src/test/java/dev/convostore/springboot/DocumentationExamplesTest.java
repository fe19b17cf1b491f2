package dev.convostore.springboot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java block of the README and of {@code docs/} compiles as printed, imports included,
 * against convostore's artifacts and the frameworks (this module's test class path sees them all).
 * A block that declares a class is compiled as it is; any other block is the body of a method.
 */
class DocumentationExamplesTest {

  private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("(?m)^(?:public |final |abstract )*class (\\w+)");

  record Example(String where, String code) {
    @Override
    public String toString() {
      return where;
    }
  }

  static List<Example> examples() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<Example> examples = new ArrayList<>();
    for (Path document : documents) {
      String text = Files.readString(document);
      Matcher block = JAVA_BLOCK.matcher(text);
      while (block.find()) {
        int line = (int) text.substring(0, block.start()).lines().count() + 1;
        examples.add(new Example(PROJECT.relativize(document) + ":" + line, block.group(1)));
      }
    }
    return examples;
  }

  @Test
  void theDocumentsHaveExamples() throws IOException {
    assertTrue(examples().size() >= 5, "examples found: " + examples());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void compilesAsPrinted(Example example, @TempDir Path folder) throws IOException {
    Matcher declared = CLASS.matcher(example.code());
    String className = declared.find() ? declared.group(1) : "Example";
    String source = className.equals("Example") ? asMethodBody(example.code()) : example.code();
    Path file = folder.resolve(className + ".java");
    Files.writeString(file, source);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      boolean compiled = compiler.getTask(null, files, diagnostics,
          List.of("-classpath", System.getProperty("java.class.path"), "-d", folder.toString(), "-proc:none"),
          null, files.getJavaFileObjects(file)).call();
      assertTrue(compiled, () -> example.where() + " does not compile:\n" + diagnostics.getDiagnostics().stream()
          .map(diagnostic -> "line " + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(null))
          .reduce("", (all, one) -> all + one + "\n") + "\n" + source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The block's imports, then the rest of it as the body of a method. */
  private static String asMethodBody(String code) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    return imports + "class Example {\n  void example() throws Exception {\n" + body + "  }\n}\n";
  }
}
