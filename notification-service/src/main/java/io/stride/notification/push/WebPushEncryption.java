package io.stride.notification.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188),
 * with the JDK's own crypto: a fresh P-256 key pair and salt per message, ECDH with the browser's
 * key, HKDF-SHA-256 mixed with its auth secret, one AES-128-GCM record. Only the browser that made
 * the subscription can read what the push service passes on.
 */
final class WebPushEncryption {

  static final int AUTH_BYTES = 16;
  private static final int RECORD_SIZE = 4096;
  private static final int SALT_BYTES = 16;
  private static final int TAG_BYTES = 16;
  private static final int HEADER_BYTES = SALT_BYTES + 4 + 1 + P256.POINT_BYTES;

  /** The most plaintext one record holds: the record less its header, padding byte and tag. */
  static final int MAX_PLAINTEXT = RECORD_SIZE - HEADER_BYTES - 1 - TAG_BYTES;

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebPushEncryption() {}

  static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return encrypt(plaintext, browserKey, authSecret, ephemeralKeys(), salt);
  }

  /** With the sender's key pair and salt given: what a test vector pins. */
  static byte[] encrypt(
      byte[] plaintext, byte[] browserKey, byte[] authSecret, KeyPair sender, byte[] salt) {
    if (plaintext.length > MAX_PLAINTEXT) {
      throw new IllegalArgumentException("a push holds at most " + MAX_PLAINTEXT + " bytes");
    }
    if (authSecret.length != AUTH_BYTES || salt.length != SALT_BYTES) {
      throw new IllegalArgumentException("the auth secret and the salt are 16 bytes each");
    }
    try {
      byte[] senderKey = P256.encode(((ECPublicKey) sender.getPublic()).getW());
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
      agreement.init(sender.getPrivate());
      agreement.doPhase(P256.publicKey(browserKey), true);
      byte[] shared = agreement.generateSecret();

      byte[] keyInfo = concat(ascii("WebPush: info\0"), browserKey, senderKey);
      byte[] ikm = expand(hmac(authSecret, shared), keyInfo, 32);
      byte[] prk = hmac(salt, ikm);
      byte[] contentKey = expand(prk, ascii("Content-Encoding: aes128gcm\0"), 16);
      byte[] nonce = expand(prk, ascii("Content-Encoding: nonce\0"), 12);

      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(contentKey, "AES"),
          new GCMParameterSpec(TAG_BYTES * 8, nonce));
      // one record, so it is the last: its padding delimiter is 0x02
      byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] {2}));

      ByteBuffer body = ByteBuffer.allocate(HEADER_BYTES + ciphertext.length);
      body.put(salt).putInt(RECORD_SIZE).put((byte) senderKey.length).put(senderKey);
      return body.put(ciphertext).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encrypt a push", e);
    }
  }

  private static KeyPair ephemeralKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HKDF-Expand (RFC 5869) for at most one block: the first {@code length} bytes of T(1). */
  private static byte[] expand(byte[] prk, byte[] info, int length)
      throws GeneralSecurityException {
    return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
  }

  /** HMAC-SHA-256; as HKDF-Extract, {@code key} is the salt and {@code data} the input key. */
  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      buffer.put(part);
    }
    return buffer.array();
  }
}
