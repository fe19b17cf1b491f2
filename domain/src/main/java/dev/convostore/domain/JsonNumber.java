package dev.convostore.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number, normalized so that numerically equal numbers are equal ({@code 1.50} equals
 * {@code 1.5}, {@code 100} equals {@code 1E+2}), as JSON databases compare them. Every store holds
 * it exactly, within {@value #MAX_INTEGER_DIGITS} digits before the point and {@value
 * #MAX_FRACTION_DIGITS} after it: room for every {@code double}, while a number such as {@code
 * 1E+100000}, which PostgreSQL would spell out in full, cannot make each read slow.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {

  /** Most digits before the decimal point. */
  public static final int MAX_INTEGER_DIGITS = 1000;

  /** Most digits after the decimal point. */
  public static final int MAX_FRACTION_DIGITS = 1000;

  /** Normalizes the value by stripping trailing zeros, and checks its range. */
  public JsonNumber {
    value = normalized("json number", value);
  }

  static JsonNumber of(String field, java.lang.Number number) {
    if (number instanceof BigDecimal decimal) {
      return new JsonNumber(normalized(field, decimal));
    }
    if (number instanceof BigInteger integer) {
      return new JsonNumber(normalized(field, new BigDecimal(integer)));
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        throw new ValidationException(field, "must be a finite number");
      }
      return new JsonNumber(BigDecimal.valueOf(d));
    }
    return new JsonNumber(BigDecimal.valueOf(number.longValue()));
  }

  private static BigDecimal normalized(String field, BigDecimal value) {
    Checks.present(field, value);
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal normalized = value.stripTrailingZeros();
    if ((long) normalized.precision() - normalized.scale() > MAX_INTEGER_DIGITS) {
      throw new ValidationException(field, "holds a number with more than " + MAX_INTEGER_DIGITS + " digits before the point");
    }
    if (normalized.scale() > MAX_FRACTION_DIGITS) {
      throw new ValidationException(field, "holds a number with more than " + MAX_FRACTION_DIGITS + " digits after the point");
    }
    return normalized;
  }

  @Override
  public String toString() {
    return toJson();
  }
}
