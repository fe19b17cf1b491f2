package dev.convostore.adapter.sqlite;

import dev.convostore.sql.ColumnCodec;
import dev.convostore.sql.ColumnTypes;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.type.TypeHandler;

/**
 * How SQLite stores what differs between databases: ids as 16-byte BLOBs, instants as
 * microseconds since the epoch, JSON as text. The rest is {@link ColumnTypes}.
 */
final class SqliteTypes implements ColumnCodec {

  private static final SqliteTypes CODEC = new SqliteTypes();

  private SqliteTypes() {}

  /** The handlers MyBatis picks by a value's Java type. */
  static Map<Class<?>, TypeHandler<?>> byType() {
    return ColumnTypes.byType(CODEC);
  }

  /** The handlers the mapper files name. */
  static List<TypeHandler<?>> named() {
    return ColumnTypes.named(CODEC);
  }

  @Override
  public Object uuid(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }

  @Override
  public UUID uuid(Object column) {
    ByteBuffer buffer = ByteBuffer.wrap((byte[]) column);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  @Override
  public Object instant(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  @Override
  public Instant instant(Object column) {
    long micros = ((Number) column).longValue();
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  @Override
  public Object json(String canonical) {
    return canonical;
  }

  @Override
  public String json(Object column) {
    return (String) column;
  }
}
