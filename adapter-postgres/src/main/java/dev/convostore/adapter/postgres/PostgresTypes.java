package dev.convostore.adapter.postgres;

import dev.convostore.sql.ColumnTypes;
import dev.convostore.sql.StandardCodec;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.postgresql.util.PGobject;

/**
 * How PostgreSQL stores what differs between databases: ids as {@code uuid} and instants as {@code
 * timestamptz} (the standard types), JSON as {@code jsonb} (written canonically). The rest is {@link
 * ColumnTypes}, plus the text arrays that only PostgreSQL's statements take.
 */
final class PostgresTypes extends StandardCodec {

  /** A {@code jsonb} parameter from canonical JSON text. */
  @Override
  public Object json(String canonical) {
    PGobject value = new PGobject();
    value.setType("jsonb");
    try {
      value.setValue(canonical);
    } catch (SQLException cannotHappen) { // PGobject.setValue declares it but never throws
      throw new IllegalStateException(cannotHappen);
    }
    return value;
  }

  /** The text of a {@code jsonb} column as the driver returns it. */
  @Override
  public String json(Object column) {
    return column instanceof PGobject json ? json.getValue() : column.toString();
  }

  /** A {@code text[]} parameter, for statements that unnest whole columns ({@link MessageColumns}). */
  static final class TextArrays extends BaseTypeHandler<String[]> {
    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, String[] values, JdbcType jdbcType)
        throws SQLException {
      statement.setArray(index, statement.getConnection().createArrayOf("text", values));
    }

    @Override
    public String[] getNullableResult(ResultSet results, String column) {
      throw new UnsupportedOperationException("text arrays are parameters only");
    }

    @Override
    public String[] getNullableResult(ResultSet results, int column) {
      throw new UnsupportedOperationException("text arrays are parameters only");
    }

    @Override
    public String[] getNullableResult(CallableStatement statement, int column) {
      throw new UnsupportedOperationException("text arrays are parameters only");
    }
  }
}
