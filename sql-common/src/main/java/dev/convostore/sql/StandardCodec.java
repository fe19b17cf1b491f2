package dev.convostore.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The standard SQL types: ids as {@code UUID}, instants as {@code TIMESTAMP WITH TIME ZONE} (in
 * UTC), JSON as text. A database whose JSON type takes another parameter overrides {@link #json}.
 */
public class StandardCodec implements ColumnCodec {

  @Override
  public Object uuid(UUID id) {
    return id;
  }

  @Override
  public UUID uuid(Object column) {
    return (UUID) column;
  }

  @Override
  public Object instant(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public Instant instant(Object column) {
    return column instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) column).toInstant();
  }

  @Override
  public Object json(String canonical) {
    return canonical;
  }

  @Override
  public String json(Object column) {
    return column.toString();
  }
}
