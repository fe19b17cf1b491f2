package dev.convostore.springboot;

import dev.convostore.bootstrap.ConvoStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * A {@link ConvoStore} bean, closed when the application stops: at {@code convostore.url}, or,
 * without one, in the database of the application's {@link DataSource} (its tables in the schema
 * {@code convostore.schema} where the database has schemas). With Micrometer's registries as beans,
 * one observation per call and convostore's counters (Spring AI's chat memory on the store: {@link
 * ConvostoreSpringAiAutoConfiguration}).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass(ConvoStore.class)
@EnableConfigurationProperties(ConvostoreProperties.class)
public class ConvostoreAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @Conditional(UrlOrDataSource.class)
  ConvoStore convoStore(ConvostoreProperties configuration, ObjectProvider<DataSource> dataSource,
      ObjectProvider<ConvoStoreBuilderCustomizer> customizers) {
    Properties properties = configuration.storeProperties();
    ConvoStore.Builder builder = ConvoStore.with(properties);
    if (configuration.getUrl() == null) {
      DataSource host = dataSource.getIfUnique();
      if (host == null) {
        throw new IllegalStateException("convostore.url is not set and the application has no single DataSource "
            + "bean to keep the store in; set convostore.url or mark one DataSource @Primary");
      }
      if (hasSchemas(host)) {
        properties.setProperty("convostore.schema", configuration.getSchema());
      }
      builder.dataSource(host);
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.open();
  }

  private static boolean hasSchemas(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().supportsSchemasInTableDefinitions();
    } catch (SQLException failed) {
      return false; // opening the store reports the unreachable database, with its kind
    }
  }

  /** A store needs {@code convostore.url} or a DataSource of the application's. */
  static final class UrlOrDataSource extends AnyNestedCondition {

    UrlOrDataSource() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "convostore", name = "url")
    static final class Url { }

    @ConditionalOnBean(DataSource.class)
    static final class ApplicationDataSource { }
  }

  /** The application's Micrometer registries, when it has them. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({ObservationRegistry.class, MeterRegistry.class})
  static class Micrometer {

    @Bean
    @Order(0)
    ConvoStoreBuilderCustomizer convostoreMicrometer(
        ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
      return builder -> {
        observations.ifUnique(builder::observationRegistry);
        meters.ifUnique(builder::meterRegistry);
      };
    }
  }
}
