package io.stride.promo.codes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keyed hash codes are stored under: HMAC-SHA256 of the normalized code with {@code
 * STRIDE_PROMO_CODE_KEY}. Without the key, the table's hashes cannot be tested against guesses, so
 * a leaked database shows no unredeemed code (ADR 0034).
 */
@Component
public class CodeKey {

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  CodeKey(@Value("${stride.promo.code-key:}") String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalStateException(
          "STRIDE_PROMO_CODE_KEY must be set to at least 32 random characters (the key promo"
              + " codes are hashed under)");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The stored form of a normalized code. */
  public byte[] hash(String normalizedCode) {
    return macs.get().doFinal(normalizedCode.getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
