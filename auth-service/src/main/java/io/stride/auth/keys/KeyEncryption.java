package io.stride.auth.keys;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM for private keys at rest; the key-encryption key comes from the environment. */
final class KeyEncryption {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  KeyEncryption(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalStateException(
          "stride.auth.key-encryption-key (STRIDE_AUTH_KEY_ENCRYPTION_KEY) is not set: give a"
              + " base64-encoded 32-byte key, e.g. from `openssl rand -base64 32`");
    }
    byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
    if (bytes.length != 32) {
      throw new IllegalStateException("the key-encryption key must be 32 bytes (base64-encoded)");
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  String encrypt(byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt signing key", e);
    }
  }

  byte[] decrypt(String encoded) {
    try {
      byte[] all = Base64.getDecoder().decode(encoded);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt signing key: is STRIDE_AUTH_KEY_ENCRYPTION_KEY the one it was stored with?",
          e);
    }
  }
}
