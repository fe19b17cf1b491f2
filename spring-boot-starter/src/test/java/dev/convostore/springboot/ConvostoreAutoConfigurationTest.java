package dev.convostore.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.HistoryRequest;
import dev.convostore.domain.NewMessage;
import dev.convostore.domain.UserId;
import dev.convostore.integration.springai.ConvostoreChatMemoryRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the starter configures in each case, in the contexts Spring Boot builds. */
class ConvostoreAutoConfigurationTest {

  private static final UserId ALICE = UserId.of("alice");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConvostoreAutoConfiguration.class, ConvostoreSpringAiAutoConfiguration.class));

  private static ConversationId storeOne(ConvoStore store, String text) {
    ConversationId id = store.conversations().start(StartConversation.by(ALICE)).id();
    store.messages().append(ALICE, id, NewMessage.user(text));
    return id;
  }

  @Test
  void theUrlGivesAStoreClosedWithTheApplication(@TempDir Path folder) {
    String url = "jdbc:sqlite:" + folder.resolve("app.db");
    ConvoStore[] opened = new ConvoStore[1];
    ConversationId[] id = new ConversationId[1];
    runner.withPropertyValues("convostore.url=" + url, "convostore.slow-call-ms=5000").run(context -> {
      ConvoStore store = context.getBean(ConvoStore.class);
      assertEquals("sqlite", store.adapter());
      id[0] = storeOne(store, "kept in the file");
      opened[0] = store;
    });
    assertThrows(IllegalStateException.class, () -> opened[0].history().history(ALICE, id[0], HistoryRequest.last(1)),
        "the store closed with the application");
    try (ConvoStore again = ConvoStore.open(url)) {
      assertEquals("kept in the file", again.history().history(ALICE, id[0], HistoryRequest.last(1)).get(0).content());
    }
  }

  @Test
  void withoutAUrlOrADataSourceThereIsNoStore() {
    runner.run(context -> assertFalse(context.containsBean("convoStore")));
  }

  @Test
  void aWrongSettingStopsTheApplicationNamingTheKey(@TempDir Path folder) {
    runner.withPropertyValues("convostore.url=jdbc:sqlite:" + folder.resolve("app.db"), "convostore.max-batch-size=0")
        .run(context -> {
          assertTrue(context.getStartupFailure() != null);
          assertTrue(context.getStartupFailure().getMessage().contains("convostore.max-batch-size"),
              context.getStartupFailure().getMessage());
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class ApplicationWithDataSource {
    @Bean
    DataSource dataSource() {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL("jdbc:h2:mem:app-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return dataSource;
    }
  }

  @Test
  void withoutAUrlTheApplicationsDataSourceHoldsTheStoreInItsOwnSchema() {
    runner.withUserConfiguration(ApplicationWithDataSource.class).run(context -> {
      ConvoStore store = context.getBean(ConvoStore.class);
      assertEquals("h2", store.adapter());
      ConversationId id = storeOne(store, "in the application's database");
      assertEquals(1, count(context.getBean(DataSource.class),
          "SELECT count(*) FROM \"convostore\".conversations"));
      assertEquals(0, count(context.getBean(DataSource.class),
          "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'"),
          "nothing in the application's own schema");
      assertEquals("in the application's database",
          store.history().history(ALICE, id, HistoryRequest.last(1)).get(0).content());
    });
  }

  private static long count(DataSource dataSource, String query) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ApplicationWithRegistries {
    @Bean
    ObservationRegistry observationRegistry() {
      return TestObservationRegistry.create();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Test
  void theApplicationsRegistriesObserveAndCountTheCalls() {
    runner.withUserConfiguration(ApplicationWithRegistries.class).withPropertyValues("convostore.url=memory:")
        .run(context -> {
          storeOne(context.getBean(ConvoStore.class), "counted");
          TestObservationRegistryAssert.assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
              .hasNumberOfObservationsWithNameEqualTo("convostore.operation", 2)
              .hasAnObservationWithAKeyValue("operation", "messages.append");
          assertEquals(1, context.getBean(MeterRegistry.class).get("convostore.messages.appended").counter().count());
        });
  }

  @Test
  void withSpringAiTheChatMemoryRepositoryIsConvostores() {
    runner.withConfiguration(AutoConfigurations.of(ChatMemoryAutoConfiguration.class))
        .withPropertyValues("convostore.url=memory:", "convostore.spring-ai.user=assistant-users")
        .run(context -> {
          ChatMemoryRepository repository = context.getBean(ChatMemoryRepository.class);
          assertInstanceOf(ConvostoreChatMemoryRepository.class, repository);
          repository.saveAll("chat-1", List.of(new UserMessage("hello")));
          assertEquals(1, context.getBean(ConvoStore.class).conversations()
              .list(ListConversations.of(UserId.of("assistant-users"), 10))
              .conversations().size());
        });
  }

  @Test
  void withoutTheIntegrationModuleSpringAiKeepsItsOwnRepository() {
    runner.withConfiguration(AutoConfigurations.of(ChatMemoryAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(ConvostoreChatMemoryRepository.class))
        .withPropertyValues("convostore.url=memory:")
        .run(context -> assertInstanceOf(InMemoryChatMemoryRepository.class, context.getBean(ChatMemoryRepository.class)));
  }

  @Configuration(proxyBeanMethods = false)
  static class ApplicationWithItsOwnStore {
    @Bean(destroyMethod = "close")
    ConvoStore myStore() {
      return ConvoStore.open("memory:");
    }
  }

  @Test
  void anApplicationsOwnStoreIsLeftAlone(@TempDir Path folder) {
    runner.withUserConfiguration(ApplicationWithItsOwnStore.class)
        .withPropertyValues("convostore.url=jdbc:sqlite:" + folder.resolve("unused.db"))
        .run(context -> {
          assertEquals(1, context.getBeansOfType(ConvoStore.class).size());
          assertEquals("memory", context.getBean(ConvoStore.class).adapter());
        });
  }
}
