package io.stride.integration.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by the
 * base64-decoded part of a {@code whsec_} secret; several signatures space-separated. Plain code.
 */
public final class WebhookSignature {

  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: {@code whsec_} and the base64 of 32 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** One signature, {@code v1,<base64>}. */
  public static String sign(String secret, String webhookId, long timestamp, String body) {
    return sign(secret, webhookId, timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  /** One signature of a body as the bytes that came over the wire, {@code v1,<base64>}. */
  public static String sign(String secret, String webhookId, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keyOf(secret), "HmacSHA256"));
      mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] signed = mac.doFinal(body);
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** The {@code webhook-signature} header: one signature per secret, in the order given. */
  public static String header(List<String> secrets, String webhookId, long timestamp, String body) {
    return secrets.stream()
        .map(secret -> sign(secret, webhookId, timestamp, body))
        .collect(Collectors.joining(" "));
  }

  private static byte[] keyOf(String secret) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
