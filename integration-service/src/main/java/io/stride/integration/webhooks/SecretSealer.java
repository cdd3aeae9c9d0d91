package io.stride.integration.webhooks;

import io.stride.integration.config.IntegrationProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for signing secrets at rest (webhook endpoints' and partners' push secrets) (as
 * auth-service seals its signing keys): the key comes from {@code STRIDE_INTEGRATION_SECRET_KEY},
 * so a copy of the database signs nothing.
 */
@Component
public class SecretSealer {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  SecretSealer(IntegrationProperties properties) {
    String base64 = properties.secretKey();
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException(
          "stride.integration.secret-key (STRIDE_INTEGRATION_SECRET_KEY) is not set: give a"
              + " base64-encoded 32-byte key, e.g. from `openssl rand -base64 32`");
    }
    byte[] bytes = Base64.getDecoder().decode(base64.trim());
    if (bytes.length != 32) {
      throw new IllegalStateException("STRIDE_INTEGRATION_SECRET_KEY must be 32 bytes (base64)");
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  public String seal(String secret) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a signing secret", e);
    }
  }

  public String open(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return new String(
          cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot open a signing secret: is STRIDE_INTEGRATION_SECRET_KEY the one it was sealed"
              + " with?",
          e);
    }
  }
}
