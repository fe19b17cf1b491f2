package dev.convostore.sql;

import dev.convostore.domain.ContextItem;
import dev.convostore.domain.ContextItemId;
import dev.convostore.domain.ContextSource;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationRevision;
import dev.convostore.domain.JsonObject;
import dev.convostore.domain.Message;
import dev.convostore.domain.MessageId;
import dev.convostore.domain.MessageKind;
import dev.convostore.domain.MessageRole;
import dev.convostore.domain.NewContextItem;
import dev.convostore.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.logging.nologging.NoLoggingImpl;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.TypeHandler;

/**
 * The MyBatis configuration of a SQL adapter: its type handlers, short aliases for the domain
 * types its mapper files name, and the mapper files themselves.
 */
public final class MyBatisSetup {

  private static final List<Class<?>> ALIASED_TYPES = List.of(
      Message.class, ContextItem.class, NewContextItem.class,
      ConversationId.class, MessageId.class, ContextItemId.class, UserId.class, MessageRole.class, MessageKind.class,
      ContextSource.class, JsonObject.class, Instant.class, Optional.class, MessageRow.class, FeedbackRow.class,
      ConversationRow.class, ConversationRevision.class);

  private MyBatisSetup() {}

  /**
   * A configuration whose sessions the adapter opens on its own connections (the data source is
   * MyBatis's default, never used by the adapter) and commits through JDBC.
   *
   * @param databaseId which database's statements and fragments the mapper files pick (by {@code databaseId}):
   *     {@code sqlite}, {@code postgresql} or {@code h2}
   * @param codec how the database stores ids, instants and JSON, under the handlers of {@link
   *     ColumnTypes}: those MyBatis chooses by a value's Java type, and those the mapper files name
   *     ({@code typeHandler="ToolCalls"}) for generic types such as {@code Optional} or {@code
   *     List}, each registered under its own class so that none becomes the default for its type
   * @param ownHandlers further named handlers that only the adapter's own statements use
   * @param ownMappers the adapter's own mapper interfaces, for statements only its database runs;
   *     each one's SQL is in the mapper file of the same name beside it on the classpath, as for
   *     the shared mappers ({@code dev/convostore/sql/MessageMapper.xml})
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Configuration configuration(
      DataSource dataSource, String databaseId, ColumnCodec codec, List<TypeHandler<?>> ownHandlers,
      Class<?>... ownMappers) {
    Configuration configuration = new ConstructorRows(new Environment("convostore", new JdbcTransactionFactory(), dataSource));
    configuration.setDatabaseId(databaseId);
    // MyBatis would log each statement with its parameters (the users' data) at DEBUG, under the
    // mapper's name, which is in convostore's own logger tree: no statement is ever logged.
    configuration.setLogImpl(NoLoggingImpl.class);
    configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
    configuration.setCacheEnabled(false); // no mapper declares a second-level cache

    configuration.setDefaultExecutorType(ExecutorType.REUSE);
    // Every result map names its columns: nothing is left for MyBatis to map by name on each row.
    configuration.setAutoMappingBehavior(AutoMappingBehavior.NONE);
    ColumnTypes.byType(codec)
        .forEach((type, handler) -> configuration.getTypeHandlerRegistry().register((Class) type, (TypeHandler) handler));
    List<TypeHandler<?>> named = new ArrayList<>(ColumnTypes.named(codec));
    named.addAll(ownHandlers);
    for (TypeHandler<?> handler : named) {
      configuration.getTypeHandlerRegistry().register((Class) handler.getClass(), (TypeHandler) handler);
      configuration.getTypeAliasRegistry().registerAlias(handler.getClass().getSimpleName(), handler.getClass());
    }
    ALIASED_TYPES.forEach(type -> configuration.getTypeAliasRegistry().registerAlias(type.getSimpleName(), type));
    List<Class<?>> mappers = new ArrayList<>(
        List.of(ConversationMapper.class, MessageMapper.class, ContextItemMapper.class, RetentionMapper.class));
    mappers.addAll(List.of(ownMappers));
    for (Class<?> mapper : mappers) {
      String resource = mapper.getName().replace('.', '/') + ".xml";
      try (InputStream xml = mapper.getClassLoader().getResourceAsStream(resource)) {
        if (xml == null) {
          throw new IllegalStateException("missing mapper file " + resource);
        }
        new XMLMapperBuilder(xml, configuration, resource, configuration.getSqlFragments()).parse();
      } catch (IOException unreadable) {
        throw new IllegalStateException("cannot read " + resource, unreadable);
      }
    }
    return configuration;
  }
}
