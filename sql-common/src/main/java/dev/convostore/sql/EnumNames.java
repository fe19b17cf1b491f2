package dev.convostore.sql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Enum constants as SQL adapters store them: lowercase names ({@code tool_result}). Both ways are
 * looked up, not recomputed: every message row read or written goes through here twice.
 */
public final class EnumNames {

  private static final ClassValue<Map<String, Enum<?>>> BY_STORED_NAME = new ClassValue<>() {
    @Override
    protected Map<String, Enum<?>> computeValue(Class<?> type) {
      Map<String, Enum<?>> constants = new HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        Enum<?> value = (Enum<?>) constant;
        constants.put(value.name().toLowerCase(Locale.ROOT), value);
      }
      return Map.copyOf(constants);
    }
  };

  private static final ClassValue<String[]> STORED_NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
      }
      return names;
    }
  };

  private EnumNames() {}

  /** The stored name of a constant. */
  public static String lower(Enum<?> value) {
    return STORED_NAMES.get(value.getDeclaringClass())[value.ordinal()];
  }

  /** The constant with a stored name; names in other cases are accepted too. */
  public static <E extends Enum<E>> E upper(Class<E> type, String name) {
    Enum<?> constant = BY_STORED_NAME.get(type).get(name);
    return constant != null ? type.cast(constant) : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
  }
}
