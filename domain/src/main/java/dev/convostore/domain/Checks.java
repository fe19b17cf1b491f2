package dev.convostore.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The invariant checks shared by the domain's constructors and the application's commands.
 * Each returns its (normalized) argument or throws a {@link ValidationException} naming the field.
 */
public final class Checks {

  /** Earliest instant every adapter can store. */
  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  /** Latest instant every adapter can store. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Checks() {}

  /** Rejects {@code null}. */
  public static <T> T present(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  /**
   * Text of {@code min..max} UTF-16 chars with no NUL character and no unpaired surrogate
   * (neither can be stored by every database).
   */
  public static String text(String field, String value, int min, int max) {
    present(field, value);
    if (value.length() < min) {
      throw new ValidationException(
          field, min == 1 ? "must not be empty" : "must be at least " + min + " characters");
    }
    if (value.length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        throw new ValidationException(field, "must not contain NUL characters");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new ValidationException(field, "must not contain unpaired surrogate characters");
      }
      if (Character.isLowSurrogate(c)) {
        throw new ValidationException(field, "must not contain unpaired surrogate characters");
      }
    }
    return value;
  }

  /** Like {@link #text} and also not blank. */
  public static String nonBlankText(String field, String value, int max) {
    text(field, value, 1, max);
    if (value.isBlank()) {
      throw new ValidationException(field, "must not be blank");
    }
    return value;
  }

  /**
   * A short single-line name (titles, tool names, ids chosen by hosts): trimmed, {@code 1..max}
   * characters, no control characters.
   */
  public static String name(String field, String value, int max) {
    present(field, value);
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new ValidationException(field, "must not be blank");
    }
    text(field, trimmed, 1, max);
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(field, "must not contain control characters");
    }
    return trimmed;
  }

  /** An optional {@link #name}: empty stays empty. */
  public static Optional<String> optionalName(String field, Optional<String> value, int max) {
    return present(field, value).map(v -> name(field, v, max));
  }

  /** An instant within the storable range, truncated to microseconds. */
  public static Instant instant(String field, Instant value) {
    present(field, value);
    if (value.isBefore(MIN_INSTANT) || value.isAfter(MAX_INSTANT)) {
      throw new ValidationException(field, "must be between years 0001 and 9999");
    }
    return value.truncatedTo(ChronoUnit.MICROS);
  }

  /** A count or number that cannot be negative. */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new ValidationException(field, "must not be negative");
    }
    return value;
  }

  /** A conversation's version: 1 when it starts, raised by each change. */
  public static long version(long value) {
    if (value < 1) {
      throw new ValidationException("version", "must be at least 1");
    }
    return value;
  }

  /** A positive count within {@code 1..max}. */
  public static int positive(String field, int value, int max) {
    if (value < 1 || value > max) {
      throw new ValidationException(field, "must be between 1 and " + max);
    }
    return value;
  }

  /**
   * The constant of {@code type} named {@code text}, ignoring case and surrounding spaces.
   */
  public static <E extends Enum<E>> E constant(String field, Class<E> type, String text) {
    present(field, text);
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new ValidationException(
          field, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** An immutable copy of a list that must not be null nor hold nulls. */
  public static <T> List<T> list(String field, List<T> value) {
    present(field, value);
    for (int i = 0; i < value.size(); i++) {
      present(field + "[" + i + "]", value.get(i));
    }
    return List.copyOf(value);
  }
}
