package dev.convostore.application.service;

import dev.convostore.application.port.out.Storage;
import dev.convostore.domain.ConversationId;
import dev.convostore.domain.StoreFailureException.Kind;
import dev.convostore.domain.StoreFailureException;
import dev.convostore.domain.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM keys that encrypt message content at rest, each with an id stored beside its
 * ciphertext, so that keys can be rotated: the first key encrypts new content, every key decrypts.
 *
 * <p>Stored content reads {@code cs1$<key id>$<base64 of nonce and ciphertext>}. The nonce is
 * derived from the key, the conversation and the content (as in AES-GCM-SIV), so the same message
 * encrypts to the same text: retries with a client message id stay idempotent, and no nonce is
 * ever reused for different content. The cost is that equal contents in one conversation have
 * equal ciphertexts. The conversation id is authenticated with the content, so ciphertext moved to
 * another conversation does not decrypt. Content stored before encryption was switched on is read
 * as it is.
 */
public final class ContentKeys {

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final String PREFIX = "cs1$";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String primary;
  private final Map<String, Key> keys;

  private ContentKeys(String primary, Map<String, Key> keys) {
    this.primary = primary;
    this.keys = Collections.unmodifiableMap(keys);
  }

  /**
   * Reads keys written as {@code id:base64,id:base64,...}, each key 16, 24 or 32 bytes (AES-128,
   * -192, -256); the first encrypts.
   *
   * @param field the configuration key named in errors
   */
  public static ContentKeys parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new ValidationException(field, "must list at least one key as id:base64");
    }
    Map<String, Key> keys = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
        throw new ValidationException(field, "must list keys as id:base64, ids of 1 to 32 letters, digits, - or _");
      }
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(parts[1].strip());
      } catch (IllegalArgumentException notBase64) {
        throw new ValidationException(field, "holds key '" + parts[0] + "', which is not base64");
      }
      if (secret.length != 16 && secret.length != 24 && secret.length != 32) {
        throw new ValidationException(field, "holds key '" + parts[0] + "' of " + secret.length
            + " bytes; AES keys have 16, 24 or 32 bytes");
      }
      if (keys.put(parts[0], new Key(secret)) != null) {
        throw new ValidationException(field, "names key '" + parts[0] + "' twice");
      }
    }
    return new ContentKeys(keys.keySet().iterator().next(), keys);
  }

  /** {@code storage} with message content encrypted on the way in and decrypted on the way out. */
  public Storage protect(Storage storage) {
    return new ProtectedStorage(storage, this);
  }

  /** The id of the key new content is encrypted with. */
  public String primaryKeyId() {
    return primary;
  }

  String encrypt(ConversationId conversation, String content) {
    Key key = keys.get(primary);
    byte[] plain = content.getBytes(StandardCharsets.UTF_8);
    byte[] context = conversation.toString().getBytes(StandardCharsets.US_ASCII);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.nonceKey);
      mac.update(context);
      byte[] nonce = Arrays.copyOf(mac.doFinal(plain), NONCE_BYTES);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.contentKey, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context);
      byte[] sealed = cipher.doFinal(plain);
      byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + primary + "$" + Base64.getEncoder().withoutPadding().encodeToString(stored);
    } catch (GeneralSecurityException missingCipher) {
      throw new IllegalStateException("the JDK provides AES-GCM and HmacSHA256", missingCipher);
    }
  }

  String decrypt(ConversationId conversation, String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored; // stored before encryption was switched on
    }
    int end = stored.indexOf('$', PREFIX.length());
    if (end < 0) {
      throw unreadable("is not an encrypted content", null);
    }
    String keyId = stored.substring(PREFIX.length(), end);
    Key key = keys.get(keyId);
    if (key == null) {
      throw unreadable("is encrypted with key '" + keyId + "', which this store was not given", null);
    }
    try {
      byte[] sealed = Base64.getDecoder().decode(stored.substring(end + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.contentKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(conversation.toString().getBytes(StandardCharsets.US_ASCII));
      return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException tampered) {
      throw unreadable("fails authentication: it was altered or moved from another conversation", tampered);
    } catch (GeneralSecurityException missingCipher) {
      throw new IllegalStateException("the JDK provides AES-GCM", missingCipher);
    }
  }

  private static StoreFailureException unreadable(String problem, Throwable cause) {
    return new StoreFailureException(Kind.CORRUPT, "stored message content " + problem, cause);
  }

  /** One configured key: AES for content, and an HMAC key derived from it for nonces. */
  private static final class Key {
    private final SecretKeySpec contentKey;
    private final SecretKeySpec nonceKey;

    Key(byte[] secret) {
      this.contentKey = new SecretKeySpec(secret, "AES");
      try {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(secret, "HmacSHA256"));
        this.nonceKey = new SecretKeySpec(derive.doFinal("convostore content nonce".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
      } catch (GeneralSecurityException missingHmac) {
        throw new IllegalStateException("the JDK provides HmacSHA256", missingHmac);
      }
    }
  }
}
