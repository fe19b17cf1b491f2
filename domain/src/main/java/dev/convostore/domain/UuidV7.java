package dev.convostore.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562, version 7): a 48-bit Unix millisecond timestamp, then a 12-bit
 * counter that keeps ids made in the same millisecond by this JVM increasing, then 62 random bits.
 * Ids sort by creation time, which keeps B-tree indexes append-friendly.
 */
final class UuidV7 {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis;
  private static int counter;

  private UuidV7() {}

  static synchronized UUID next() {
    long millis = System.currentTimeMillis();
    if (millis > lastMillis) {
      lastMillis = millis;
      counter = RANDOM.nextInt(1 << 11); // random start leaves room to count up
    } else if (++counter >= 1 << 12) {
      lastMillis++; // counter exhausted within one millisecond: borrow the next one
      counter = 0;
    }
    long high = (lastMillis << 16) | (0x7L << 12) | counter;
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
