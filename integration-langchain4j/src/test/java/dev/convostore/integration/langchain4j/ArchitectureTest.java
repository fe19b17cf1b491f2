package dev.convostore.integration.langchain4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.convostore.integration.langchain4j.archfixture.IntegrationClassThatOpensAConnection;
import org.junit.jupiter.api.Test;

/** The integration uses convostore's public API only: no adapter, no SQL layer, no service class. */
class ArchitectureTest {

  static final ArchRule USES_THE_PUBLIC_API_ONLY = noClasses().that().resideInAPackage("dev.convostore.integration..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.convostore.adapter..", "dev.convostore.sql..",
          "dev.convostore.application.service..", "dev.convostore.application.port.out..", "java.sql..", "javax.sql..",
          "org.apache.ibatis..", "com.zaxxer..", "org.flywaydb..")
      .allowEmptyShould(false);

  @Test
  void theIntegrationUsesThePublicApiOnly() {
    USES_THE_PUBLIC_API_ONLY.check(new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // the shared test stores, outside a reactor build
        .importPackages("dev.convostore.integration"));
  }

  @Test
  void theRuleCatchesAClassThatReachesPastTheApi() {
    assertThrows(AssertionError.class,
        () -> USES_THE_PUBLIC_API_ONLY.check(new ClassFileImporter().importClasses(IntegrationClassThatOpensAConnection.class)));
  }
}
