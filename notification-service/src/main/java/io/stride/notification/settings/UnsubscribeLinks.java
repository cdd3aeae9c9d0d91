package io.stride.notification.settings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe links (RFC 8058): the token names a person and a notification type and is
 * signed with HMAC-SHA256 under {@code STRIDE_NOTIFICATION_LINK_KEY}, so the link needs no sign-in
 * and cannot be made for anyone else. It does not expire: an old email's link still works.
 */
@Component
public class UnsubscribeLinks {

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  /** The "type" of a digest's link: it stops the digest and every notification email. */
  public static final String DIGEST = "digest";

  /** Whose email of which type a valid token stops. */
  public record Subscription(UUID userId, String type) {}

  private final SecretKeySpec key;
  private final String publicUrl;

  UnsubscribeLinks(
      @Value("${stride.notifications.link-key:}") String key,
      @Value("${stride.notifications.public-url}") String publicUrl) {
    byte[] bytes = key.isBlank() ? new byte[0] : Base64.getDecoder().decode(key.trim());
    if (bytes.length < 32) {
      throw new IllegalStateException(
          "STRIDE_NOTIFICATION_LINK_KEY must be at least 32 random bytes, base64-encoded");
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  public String url(UUID userId, String type) {
    return publicUrl + "/unsubscribe?token=" + token(userId, type);
  }

  String token(UUID userId, String type) {
    String payload = userId + "." + type;
    return ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + ENCODE.encodeToString(sign(payload));
  }

  public Optional<Subscription> read(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.trim().split("\\.");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      String payload = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(sign(payload), DECODE.decode(parts[1]))) {
        return Optional.empty();
      }
      int dot = payload.indexOf('.');
      return Optional.of(
          new Subscription(UUID.fromString(payload.substring(0, dot)), payload.substring(dot + 1)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
