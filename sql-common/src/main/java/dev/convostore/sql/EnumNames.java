package dev.convostore.sql;

import java.util.Locale;

/** Enum constants as SQL adapters store them: lowercase names ({@code tool_result}). */
public final class EnumNames {

  private EnumNames() {}

  /** The stored name of a constant. */
  public static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The constant with a stored name. */
  public static <E extends Enum<E>> E upper(Class<E> type, String name) {
    return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
  }
}
