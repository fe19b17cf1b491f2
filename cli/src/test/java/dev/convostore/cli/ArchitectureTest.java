package dev.convostore.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.convostore.application.port.out.StorageProvider;
import dev.convostore.domain.archfixture.DomainClassThatUsesTheApplication;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of DESIGN.md section 1, checked on the compiled main classes of every
 * module. Each rule refuses to pass vacuously: a rule whose subjects match no class fails.
 */
class ArchitectureTest {

  private static final String DOMAIN = "dev.convostore.domain..";
  private static final String APPLICATION = "dev.convostore.application..";
  private static final String ADAPTERS = "dev.convostore.adapter..";
  private static final String BOOTSTRAP = "dev.convostore.bootstrap..";
  private static final String CLI = "dev.convostore.cli..";
  private static final String SQL_COMMON = "dev.convostore.sql..";
  private static final String[] PERSISTENCE = {
    "java.sql..", "javax.sql..", "org.apache.ibatis..", "org.mybatis..", "com.zaxxer..", "org.flywaydb..",
    "org.postgresql..", "org.sqlite..", "org.h2.."
  };

  static final ArchRule DOMAIN_DEPENDS_ON_JAVA_ONLY = classes().that().resideInAPackage(DOMAIN)
      .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
      .allowEmptyShould(false);

  static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_JAVA_ONLY = classes().that().resideInAPackage(APPLICATION)
      // javax.crypto is the JDK's own (java.base): cursor signatures and content encryption.
      .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "javax.crypto..")
      .allowEmptyShould(false);

  static final ArchRule CORE_KNOWS_NO_PERSISTENCE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
      .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
      .allowEmptyShould(false);

  static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().matching("dev.convostore.adapter.(*)..")
      .should().notDependOnEachOther()
      .allowEmptyShould(false);

  static final ArchRule OUTBOUND_PORTS_SPEAK_THEIR_OWN_LANGUAGE = noClasses()
      .that().resideInAPackage("dev.convostore.application.port.out..")
      .should().dependOnClassesThat().resideInAPackage("dev.convostore.application.port.in..")
      .allowEmptyShould(false);

  static final ArchRule SQL_COMMON_KNOWS_NO_ADAPTER_OR_DATABASE = classes().that().resideInAPackage(SQL_COMMON)
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          SQL_COMMON, APPLICATION, DOMAIN, "java..", "javax.sql..", "org.apache.ibatis..", "org.flywaydb..",
          "com.zaxxer.hikari..", "com.fasterxml.jackson..", "org.slf4j..")
      .allowEmptyShould(false);

  static final ArchRule ONLY_THE_TOOL_DEPENDS_ON_BOOTSTRAP = noClasses().that().resideOutsideOfPackages(BOOTSTRAP, CLI)
      .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
      .allowEmptyShould(false);

  static final ArchRule THE_TOOL_USES_THE_PUBLIC_API_ONLY = noClasses().that().resideInAPackage(CLI)
      .should().dependOnClassesThat().resideInAnyPackage(concat(PERSISTENCE,
          SQL_COMMON, ADAPTERS, "dev.convostore.application.service.."))
      .allowEmptyShould(false);

  static final ArchRule ADAPTERS_EXPOSE_ONLY_THEIR_PROVIDER = classes().that().resideInAPackage(ADAPTERS)
      .and().arePublic()
      .should().implement(StorageProvider.class)
      .allowEmptyShould(false);

  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.convostore.(**)")
      .should().beFreeOfCycles()
      .allowEmptyShould(false);

  private static String[] concat(String[] packages, String... more) {
    return Stream.concat(Arrays.stream(packages), Arrays.stream(more)).toArray(String[]::new);
  }

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.convostore");
  }

  @Test
  void domainDependsOnJavaOnly() {
    DOMAIN_DEPENDS_ON_JAVA_ONLY.check(mainClasses);
  }

  @Test
  void applicationDependsOnDomainAndJavaOnly() {
    APPLICATION_DEPENDS_ON_DOMAIN_AND_JAVA_ONLY.check(mainClasses);
  }

  @Test
  void domainAndApplicationKnowNoPersistence() {
    CORE_KNOWS_NO_PERSISTENCE.check(mainClasses);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(mainClasses);
  }

  @Test
  void outboundPortsSpeakTheirOwnLanguage() {
    OUTBOUND_PORTS_SPEAK_THEIR_OWN_LANGUAGE.check(mainClasses);
  }

  @Test
  void sqlCommonKnowsNoAdapterAndNoDatabase() {
    SQL_COMMON_KNOWS_NO_ADAPTER_OR_DATABASE.check(mainClasses);
  }

  @Test
  void onlyTheToolDependsOnBootstrap() {
    ONLY_THE_TOOL_DEPENDS_ON_BOOTSTRAP.check(mainClasses);
  }

  @Test
  void theToolUsesThePublicApiOnly() {
    THE_TOOL_USES_THE_PUBLIC_API_ONLY.check(mainClasses);
  }

  @Test
  void adaptersExposeOnlyTheirProvider() {
    ADAPTERS_EXPOSE_ONLY_THEIR_PROVIDER.check(mainClasses);
  }

  @Test
  void noPackageCycles() {
    NO_PACKAGE_CYCLES.check(mainClasses);
  }

  @Test
  void aDomainClassUsingTheApplicationBreaksTheBuild() {
    JavaClasses bad = new ClassFileImporter().importClasses(DomainClassThatUsesTheApplication.class);
    assertThrows(AssertionError.class, () -> DOMAIN_DEPENDS_ON_JAVA_ONLY.check(bad));
  }

  @Test
  void rulesFailWhenTheyMatchNoClasses() {
    JavaClasses none = new ClassFileImporter().importPackages("dev.convostore.nosuchpackage");
    for (ArchRule rule : new ArchRule[] {
        DOMAIN_DEPENDS_ON_JAVA_ONLY, APPLICATION_DEPENDS_ON_DOMAIN_AND_JAVA_ONLY, CORE_KNOWS_NO_PERSISTENCE,
        ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, OUTBOUND_PORTS_SPEAK_THEIR_OWN_LANGUAGE, SQL_COMMON_KNOWS_NO_ADAPTER_OR_DATABASE, ONLY_THE_TOOL_DEPENDS_ON_BOOTSTRAP, THE_TOOL_USES_THE_PUBLIC_API_ONLY,
        ADAPTERS_EXPOSE_ONLY_THEIR_PROVIDER,
        NO_PACKAGE_CYCLES}) {
      assertThrows(AssertionError.class, () -> rule.check(none), rule::getDescription);
    }
  }
}
