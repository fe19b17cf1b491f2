package dev.convostore.integration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The rule every framework integration keeps: convostore's public API only, checked in each integration's module. */
public final class IntegrationArchitecture {

  /** No adapter, no SQL layer, no service or outbound port, no JDBC. */
  public static final ArchRule USES_THE_PUBLIC_API_ONLY = noClasses().that().resideInAPackage("dev.convostore.integration..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.convostore.adapter..", "dev.convostore.sql..",
          "dev.convostore.application.service..", "dev.convostore.application.port.out..", "java.sql..", "javax.sql..",
          "org.apache.ibatis..", "com.zaxxer..", "org.flywaydb..")
      .allowEmptyShould(false);

  private IntegrationArchitecture() {}

  /** The main classes of the integrations on the class path (the shared test classes left out, wherever they lie). */
  public static JavaClasses mainClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("dev.convostore.integration");
  }
}
