package dev.convostore.integration;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.convostore.integration.archfixture.IntegrationClassThatOpensAConnection;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void theSharedPartUsesThePublicApiOnly() {
    IntegrationArchitecture.USES_THE_PUBLIC_API_ONLY.check(IntegrationArchitecture.mainClasses());
  }

  @Test
  void theRuleCatchesAClassThatReachesPastTheApi() {
    assertThrows(AssertionError.class, () -> IntegrationArchitecture.USES_THE_PUBLIC_API_ONLY.check(
        new ClassFileImporter().importClasses(IntegrationClassThatOpensAConnection.class)));
  }
}
