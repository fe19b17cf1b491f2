package dev.convostore.application.service;

import dev.convostore.application.port.out.ConversationCursor;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Turns listing positions into opaque cursor text and back. */
final class CursorCodec {

  private static final String PREFIX = "c1.";
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private CursorCodec() {}

  static String encode(ConversationCursor cursor) {
    long micros = cursor.updatedAt().getEpochSecond() * MICROS_PER_SECOND + cursor.updatedAt().getNano() / 1000;
    String plain = micros + ":" + cursor.id();
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static ConversationCursor decode(String text) {
    try {
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException("unknown prefix");
      }
      String plain = new String(Base64.getUrlDecoder().decode(text.substring(PREFIX.length())), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      long micros = Long.parseLong(plain.substring(0, colon));
      Instant updatedAt = Instant.ofEpochSecond(
          Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
      return new ConversationCursor(updatedAt, ConversationId.parse(plain.substring(colon + 1)));
    } catch (RuntimeException malformed) {
      throw new ValidationException("cursor", "is not a cursor this store issued");
    }
  }
}
