package dev.convostore.sql;

import java.util.function.Function;

/**
 * A column where NULL stands for a missing value (a Java null).
 *
 * @param <T> the domain type
 */
public abstract class NullableColumnHandler<T> extends ColumnHandler<T> {

  /**
   * @param toColumn the column value of a domain value
   * @param fromColumn the domain value of a column value that is not NULL
   */
  protected NullableColumnHandler(Function<T, Object> toColumn, Function<Object, T> fromColumn) {
    super(toColumn, column -> column == null ? null : fromColumn.apply(column));
  }
}
