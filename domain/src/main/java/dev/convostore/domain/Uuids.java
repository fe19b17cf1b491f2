package dev.convostore.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing and byte-wise ordering of UUIDs, shared by the typed ids. */
final class Uuids {

  private static final Pattern CANONICAL =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  static UUID parse(String field, String text) {
    Checks.present(field, text);
    if (!CANONICAL.matcher(text).matches()) {
      throw new ValidationException(field, "must be a UUID such as 0192f5e4-7c1a-7d3e-8f00-1a2b3c4d5e6f");
    }
    return UUID.fromString(text);
  }

  /** Orders as databases order uuid columns: by unsigned bytes, unlike {@link UUID#compareTo}. */
  static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
