package dev.convostore.application.service;

import dev.convostore.application.port.out.ConversationCursor;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.ConversationOrder;
import dev.convostore.domain.UserId;
import dev.convostore.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns listing positions into opaque cursor text and back. A cursor carries an HMAC-SHA256 tag
 * over its position and the user it was issued to, so a forged, altered or other user's cursor is
 * refused instead of silently paging from a position nobody issued. The position names the order
 * of the listing when it is not the default one, so a cursor continues only the order that issued it.
 */
final class CursorCodec {

  private static final String PREFIX = "c2.";
  private static final String BY_CREATION = "created:";
  private static final String MAC = "HmacSHA256";
  private static final int TAG_BYTES = 16;
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  /** @param secret the key cursors are signed with; every store instance sharing cursors needs the same */
  CursorCodec(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), MAC);
  }

  String encode(UserId user, ConversationOrder order, ConversationCursor cursor) {
    long micros = cursor.time().getEpochSecond() * MICROS_PER_SECOND + cursor.time().getNano() / 1000;
    byte[] position = (prefixOf(order) + micros + ":" + cursor.id()).getBytes(StandardCharsets.UTF_8);
    return PREFIX + ENCODER.encodeToString(position) + "." + ENCODER.encodeToString(tag(user, position));
  }

  ConversationCursor decode(UserId user, ConversationOrder order, String text) {
    byte[] position;
    byte[] tag;
    try {
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException("unknown prefix");
      }
      int dot = text.indexOf('.', PREFIX.length());
      position = DECODER.decode(text.substring(PREFIX.length(), dot));
      tag = DECODER.decode(text.substring(dot + 1));
    } catch (RuntimeException malformed) {
      throw new ValidationException("cursor", "is not a cursor this store issued");
    }
    if (!MessageDigest.isEqual(tag, tag(user, position))) {
      throw new ValidationException("cursor", "is not a cursor this store issued to this user");
    }
    String plain = new String(position, StandardCharsets.UTF_8);
    boolean byCreation = plain.startsWith(BY_CREATION);
    if (byCreation != (order == ConversationOrder.CREATION)) {
      throw new ValidationException("cursor", "continues a listing in another order");
    }
    plain = plain.substring(prefixOf(order).length());
    int colon = plain.indexOf(':');
    long micros = Long.parseLong(plain.substring(0, colon));
    Instant time = Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    return new ConversationCursor(time, ConversationId.parse(plain.substring(colon + 1)));
  }

  /** What a position starts with in a listing of {@code order}: nothing for the default order, so older cursors still work. */
  private static String prefixOf(ConversationOrder order) {
    return order == ConversationOrder.CREATION ? BY_CREATION : "";
  }

  private byte[] tag(UserId user, byte[] position) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      // The user's length first, so no (user, position) pair can be shifted into another.
      byte[] owner = user.value().getBytes(StandardCharsets.UTF_8);
      mac.update(Integer.toString(owner.length).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) ':');
      mac.update(owner);
      mac.update(position);
      return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    } catch (GeneralSecurityException missingHmac) {
      throw new IllegalStateException("the JDK provides HmacSHA256", missingHmac);
    }
  }
}
