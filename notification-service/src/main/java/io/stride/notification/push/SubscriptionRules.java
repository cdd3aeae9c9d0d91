package io.stride.notification.push;

import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a subscription must be before it is kept, each refusal naming its field: a Web Push endpoint
 * is an https URL (at most 2048 characters) of a known push service (the service posts to it, so it
 * must not be any address), with the browser's P-256 key (65 bytes, a point on the curve) and
 * 16-byte auth secret in base64url; an FCM token is up to 4096 visible characters.
 */
final class SubscriptionRules {

  static final int MAX_ENDPOINT = 2048;
  static final int MAX_TOKEN = 4096;
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

  /** A subscription that passed: what to store. */
  record Checked(PushKind kind, String address, String p256dh, String auth, String label) {}

  private final List<String> hosts;

  SubscriptionRules(List<String> hosts) {
    this.hosts = hosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).toList();
  }

  Checked check(PushSubscriptionRequest request) {
    List<FieldError> errors = new ArrayList<>();
    PushKind kind = PushKind.ofKey(request.kind()).orElse(null);
    if (kind == null) {
      throw InvalidRequestException.of("kind", "must be webpush or fcm");
    }
    String label =
        request.label() == null || request.label().isBlank() ? null : request.label().strip();
    if (kind == PushKind.FCM) {
      String token = request.token();
      if (token == null || token.isBlank()) {
        errors.add(new FieldError("token", "is required for kind fcm"));
      } else if (token.length() > MAX_TOKEN) {
        errors.add(new FieldError("token", "must be at most " + MAX_TOKEN + " characters"));
      } else if (!TOKEN.matcher(token).matches()) {
        errors.add(new FieldError("token", "must be visible ASCII characters without spaces"));
      }
      if (request.endpoint() != null) {
        errors.add(new FieldError("endpoint", "is only for kind webpush"));
      }
      if (request.keys() != null) {
        errors.add(new FieldError("keys", "are only for kind webpush"));
      }
      throwIfAny(errors);
      return new Checked(kind, token, null, null, label);
    }
    if (request.token() != null) {
      errors.add(new FieldError("token", "is only for kind fcm"));
    }
    String endpoint = endpoint(request.endpoint(), errors);
    String p256dh = null;
    String auth = null;
    if (request.keys() == null) {
      errors.add(new FieldError("keys", "are required for kind webpush: p256dh and auth"));
    } else {
      byte[] point = base64url(request.keys().p256dh(), "keys.p256dh", errors);
      if (point != null && !P256.isPoint(point)) {
        errors.add(
            new FieldError(
                "keys.p256dh",
                "must be an uncompressed P-256 public key (65 bytes, on the curve)"));
      }
      byte[] secret = base64url(request.keys().auth(), "keys.auth", errors);
      if (secret != null && secret.length != WebPushEncryption.AUTH_BYTES) {
        errors.add(new FieldError("keys.auth", "must be 16 bytes"));
      }
      p256dh = point == null ? null : encode(point);
      auth = secret == null ? null : encode(secret);
    }
    throwIfAny(errors);
    return new Checked(kind, endpoint, p256dh, auth, label);
  }

  private String endpoint(String endpoint, List<FieldError> errors) {
    if (endpoint == null || endpoint.isBlank()) {
      errors.add(new FieldError("endpoint", "is required for kind webpush"));
      return null;
    }
    if (endpoint.length() > MAX_ENDPOINT) {
      errors.add(new FieldError("endpoint", "must be at most " + MAX_ENDPOINT + " characters"));
      return null;
    }
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      errors.add(new FieldError("endpoint", "must be a URL"));
      return null;
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      errors.add(new FieldError("endpoint", "must be an https URL"));
    } else if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      errors.add(new FieldError("endpoint", "must have no user name and no fragment"));
    } else if (!knownHost(uri.getHost())) {
      errors.add(
          new FieldError(
              "endpoint", "must be the URL of a push service (" + String.join(", ", hosts) + ")"));
    }
    return endpoint;
  }

  private boolean knownHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return hosts.stream().anyMatch(known -> lower.equals(known) || lower.endsWith("." + known));
  }

  private static byte[] base64url(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (value.length() > 200 || !BASE64URL.matcher(value).matches()) {
      errors.add(new FieldError(field, "must be base64url"));
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(value.replace("=", ""));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "must be base64url"));
      return null;
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
