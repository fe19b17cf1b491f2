package dev.convostore.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.ReuseExecutor;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.executor.result.DefaultResultContext;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.type.TypeHandler;

/**
 * A MyBatis configuration that reads the rows of a result map made only of constructor arguments
 * (every result map of the mapper files) by column index, through a constructor found once, and
 * the one column of a value of a type with a type handler ({@code resultType="long"}), into a
 * list or one at a time to the statement's result handler (which may stop the reading). For each
 * row, MyBatis's own handler looks each column up by name and the constructor up by its argument
 * types, and for a single value asks the driver each column's type, which cost as much as reading
 * the row; it still reads every other result.
 *
 * <p>Its statement-reusing executors key the local cache by statement run, not by parameters:
 * the cache lives for one statement ({@link LocalCacheScope#STATEMENT}), so it could only serve a
 * nested query, and convostore's statements have none; MyBatis would read every parameter
 * through reflection a second time to build a key.
 */
final class ConstructorRows extends Configuration {

  /**
   * How a row becomes a value: a result map's constructor with the handler and column of each of
   * its arguments, or (no constructor) the handler of the first column's value.
   */
  private record Shape(Constructor<?> constructor, TypeHandler<?>[] handlers, String[] columns) {}

  private final Map<ResultMap, Shape> shapes = new ConcurrentHashMap<>();

  ConstructorRows(Environment environment) {
    super(environment);
  }

  @Override
  public ResultSetHandler newResultSetHandler(Executor executor, MappedStatement statement, RowBounds rowBounds,
      ParameterHandler parameters, ResultHandler resultHandler, BoundSql sql) {
    ResultMap map = statement.getResultMaps().size() == 1 ? statement.getResultMaps().get(0) : null;
    if (map == null || !RowBounds.DEFAULT.equals(rowBounds) || !(constructorOnly(map) || singleValue(map))) {
      return super.newResultSetHandler(executor, statement, rowBounds, parameters, resultHandler, sql);
    }
    Shape shape = shapes.computeIfAbsent(map, this::shape);
    return new ResultSetHandler() {
      @Override
      public <E> List<E> handleResultSets(Statement executed) throws SQLException {
        List<E> rows = new ArrayList<>();
        @SuppressWarnings("unchecked")
        ResultHandler<E> each = resultHandler != null ? resultHandler : context -> rows.add(context.getResultObject());
        read(shape, executed, each);
        return rows;
      }

      @Override
      public <E> Cursor<E> handleCursorResultSets(Statement executed) {
        throw new UnsupportedOperationException("convostore reads no cursors");
      }

      @Override
      public void handleOutputParameters(CallableStatement call) {
        // no statement of convostore's has output parameters
      }
    };
  }

  /** Sessions that reuse statements (all but imports') key the local cache per run (see the class). */
  @Override
  public Executor newExecutor(Transaction transaction, ExecutorType type) {
    if (type != ExecutorType.REUSE) {
      return super.newExecutor(transaction, type);
    }
    return (Executor) interceptorChain.pluginAll(new ReuseExecutor(this, transaction) {
      @Override
      public CacheKey createCacheKey(MappedStatement statement, Object parameter, RowBounds rowBounds, BoundSql sql) {
        CacheKey key = new CacheKey();
        key.update(new Object()); // no other run has this key
        return key;
      }
    });
  }

  private static boolean constructorOnly(ResultMap map) {
    return !map.getConstructorResultMappings().isEmpty()
        && map.getPropertyResultMappings().isEmpty()
        && map.getDiscriminator() == null
        && map.getConstructorResultMappings().stream().allMatch(
            mapping -> mapping.getNestedQueryId() == null && mapping.getNestedResultMapId() == null
                && mapping.getColumn() != null && mapping.getTypeHandler() != null);
  }

  private boolean singleValue(ResultMap map) {
    return map.getResultMappings().isEmpty() && map.getDiscriminator() == null
        && getTypeHandlerRegistry().hasTypeHandler(map.getType());
  }

  private Shape shape(ResultMap map) {
    if (singleValue(map)) {
      return new Shape(null, new TypeHandler<?>[] {getTypeHandlerRegistry().getTypeHandler(map.getType())}, null);
    }
    List<ResultMapping> arguments = map.getConstructorResultMappings();
    Class<?>[] types = arguments.stream().map(ResultMapping::getJavaType).toArray(Class<?>[]::new);
    try {
      return new Shape(map.getType().getConstructor(types),
          arguments.stream().map(ResultMapping::getTypeHandler).toArray(TypeHandler<?>[]::new),
          arguments.stream().map(ResultMapping::getColumn).toArray(String[]::new));
    } catch (NoSuchMethodException missing) {
      throw new ReflectionException("no public constructor of " + map.getType().getName() + " fits result map "
          + map.getId(), missing);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E> void read(Shape shape, Statement executed, ResultHandler<E> each) throws SQLException {
    try (ResultSet results = executed.getResultSet()) {
      int[] indexes = new int[shape.handlers().length];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = shape.constructor() == null ? 1 : results.findColumn(shape.columns()[i]);
      }
      DefaultResultContext<E> context = new DefaultResultContext<>();
      while (!context.isStopped() && results.next()) {
        Object[] values = new Object[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
          values[i] = shape.handlers()[i].getResult(results, indexes[i]);
        }
        Object row = shape.constructor() == null ? values[0] : construct(shape.constructor(), values);
        context.nextResultObject((E) row);
        each.handleResult(context);
      }
    }
  }

  private static Object construct(Constructor<?> constructor, Object[] values) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException refused) {
      // The type's own checks refused a stored value: that error is what a caller sees.
      throw refused.getCause() instanceof RuntimeException runtime ? runtime
          : new ReflectionException("cannot build " + constructor.getDeclaringClass().getName(), refused.getCause());
    } catch (ReflectiveOperationException unusable) {
      throw new ReflectionException("cannot build " + constructor.getDeclaringClass().getName(), unusable);
    }
  }
}
