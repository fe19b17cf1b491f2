package dev.convostore.adapter.sqlite;

import dev.convostore.sql.StandardCodec;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/**
 * How SQLite stores what differs between databases: ids as 16-byte BLOBs, instants as
 * microseconds since the epoch; JSON is text, as in the standard codec. The rest is {@link
 * dev.convostore.sql.ColumnTypes}.
 */
final class SqliteTypes extends StandardCodec {

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
}
