package dev.convostore.sql;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;

/**
 * A MyBatis type handler made of two conversions between a domain value and the column value
 * as the driver takes and gives it ({@code setObject}, {@code getObject}). Adapters register one
 * instance per subclass, so mapper files can name a handler by its class.
 *
 * @param <T> the domain type
 */
public abstract class ColumnHandler<T> implements TypeHandler<T> {

  private final Function<T, Object> toColumn;
  private final Function<Object, T> fromColumn;

  /**
   * @param toColumn the column value of a domain value (never called with null)
   * @param fromColumn the domain value of a column value, which may be null
   */
  protected ColumnHandler(Function<T, Object> toColumn, Function<Object, T> fromColumn) {
    this.toColumn = toColumn;
    this.fromColumn = fromColumn;
  }

  @Override
  public void setParameter(PreparedStatement statement, int index, T value, JdbcType jdbcType) throws SQLException {
    statement.setObject(index, value == null ? null : toColumn.apply(value));
  }

  @Override
  public T getResult(ResultSet results, String column) throws SQLException {
    return fromColumn.apply(results.getObject(column));
  }

  @Override
  public T getResult(ResultSet results, int column) throws SQLException {
    return fromColumn.apply(results.getObject(column));
  }

  @Override
  public T getResult(CallableStatement statement, int column) throws SQLException {
    return fromColumn.apply(statement.getObject(column));
  }
}
