package dev.convostore.sql;

import java.util.Optional;
import java.util.function.Function;

/**
 * A column holding an {@link Optional}: empty is NULL.
 *
 * @param <T> the type of the value present
 */
public abstract class OptionalColumnHandler<T> extends ColumnHandler<Optional<T>> {

  /**
   * @param toColumn the column value of a present value
   * @param fromColumn the value of a column that is not NULL
   */
  protected OptionalColumnHandler(Function<T, Object> toColumn, Function<Object, T> fromColumn) {
    super(value -> value.map(toColumn).orElse(null), column -> Optional.ofNullable(column).map(fromColumn));
  }
}
