package dev.convostore.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number, normalized so that numerically equal numbers are equal ({@code 1.50} equals
 * {@code 1.5}, {@code 100} equals {@code 1E+2}), as JSON databases compare them.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {

  /** Normalizes the value by stripping trailing zeros. */
  public JsonNumber {
    Checks.present("json number", value);
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  static JsonNumber of(String field, java.lang.Number number) {
    if (number instanceof BigDecimal decimal) {
      return new JsonNumber(decimal);
    }
    if (number instanceof BigInteger integer) {
      return new JsonNumber(new BigDecimal(integer));
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

  @Override
  public String toString() {
    return toJson();
  }
}
