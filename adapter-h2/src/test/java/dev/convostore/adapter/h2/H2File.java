package dev.convostore.adapter.h2;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An H2 database file in a folder of its own, for a test that opens it in several ways; deleted after each test. */
final class H2File implements AfterEachCallback {

  private final Path folder = TestH2.newFolder();

  /** The file's folder. */
  Path folder() {
    return folder;
  }

  /** The file's JDBC URL. */
  String url() {
    return TestH2.fileUrl(folder);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestH2.delete(folder);
  }
}
