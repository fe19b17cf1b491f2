package dev.convostore.springboot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The starter wires convostore through its public API: the application's DataSource is all of JDBC it touches. */
class ArchitectureTest {

  @Test
  void theStarterUsesThePublicApiOnly() {
    noClasses().that().resideInAPackage("dev.convostore.springboot..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.convostore.adapter..", "dev.convostore.sql..",
            "dev.convostore.application.service..", "dev.convostore.application.port.out..",
            "org.apache.ibatis..", "com.zaxxer..", "org.flywaydb..")
        .allowEmptyShould(false)
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.convostore.springboot"));
  }
}
