package dev.convostore.sql;

import java.time.Instant;
import java.util.UUID;

/**
 * What really differs between databases in how a value is stored: ids, instants and JSON. Every
 * other column type is written once, in {@link ColumnTypes}, over a dialect's codec.
 */
public interface ColumnCodec {

  /** An id as the column takes it. */
  Object uuid(UUID id);

  /** An id as the column returns it. */
  UUID uuid(Object column);

  /** An instant as the column takes it. */
  Object instant(Instant instant);

  /** An instant as the column returns it. */
  Instant instant(Object column);

  /** Canonical JSON text as the column takes it. */
  Object json(String canonical);

  /** The JSON text of a column value. */
  String json(Object column);
}
