package io.stride.notification.push;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The VAPID key pair (RFC 8292) this service identifies itself with to the push services: the
 * private scalar from configuration, the public key derived from it (what browsers subscribe with
 * as {@code applicationServerKey}), and the {@code Authorization: vapid t=…, k=…} header for an
 * endpoint: an ES256 JWT for the endpoint's origin, valid for 12 hours.
 */
final class VapidKeys {

  static final Duration VALIDITY = Duration.ofHours(12);
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));

  private final ECPrivateKey privateKey;
  private final String publicKey;
  private final String subject;

  private VapidKeys(BigInteger scalar, String subject) {
    this.privateKey = P256.privateKey(scalar);
    this.publicKey = URL.encodeToString(P256.encode(P256.publicPoint(scalar)));
    this.subject = subject;
  }

  /**
   * The keys of {@code base64} (32 bytes, standard Base64), or empty when it is unset.
   *
   * @throws IllegalStateException when it is set but no P-256 private key: the service must not
   *     start with a key it cannot use
   */
  static Optional<VapidKeys> of(String base64, String subject) {
    if (base64 == null || base64.isBlank()) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("STRIDE_NOTIFICATION_VAPID_KEY is not Base64");
    }
    BigInteger scalar = new BigInteger(1, bytes);
    if (bytes.length != 32 || scalar.signum() == 0 || scalar.compareTo(P256.SPEC.getOrder()) >= 0) {
      throw new IllegalStateException(
          "STRIDE_NOTIFICATION_VAPID_KEY must be 32 random bytes (a P-256 private key), Base64");
    }
    if (!subject.startsWith("mailto:") && !subject.startsWith("https://")) {
      throw new IllegalStateException("the VAPID subject must be a mailto: or https: URL");
    }
    return Optional.of(new VapidKeys(scalar, subject));
  }

  /** The public key, base64url: the {@code applicationServerKey} browsers subscribe with. */
  String publicKey() {
    return publicKey;
  }

  String authorization(URI endpoint, Instant now) {
    String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    String claims =
        "{\"aud\":\""
            + audience
            + "\",\"exp\":"
            + now.plus(VALIDITY).getEpochSecond()
            + ",\"sub\":\""
            + subject.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}";
    String signed = HEADER + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return "vapid t=" + signed + "." + URL.encodeToString(sign(signed)) + ", k=" + publicKey;
  }

  private byte[] sign(String content) {
    try {
      // JWS ES256 wants r || s (IEEE P1363), not the DER the plain algorithm gives
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(privateKey);
      signature.update(content.getBytes(StandardCharsets.US_ASCII));
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
