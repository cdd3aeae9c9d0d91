package io.stride.integration.pushes;

import io.stride.integration.partners.PartnerAdmin;
import io.stride.integration.partners.PartnerView;
import io.stride.integration.webhooks.SecretSealer;
import io.stride.integration.webhooks.WebhookSignature;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.web.InputBounds;
import io.stride.platform.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a partner's push as Standard Webhooks says a receiver does: {@code webhook-id}, {@code
 * webhook-timestamp} (within {@link #TOLERANCE} of now, so a captured request cannot be replayed
 * later) and {@code webhook-signature}, one or more {@code v1,<base64>} of which one must be the
 * HMAC-SHA256 of {@code id.timestamp.body} under a push secret of the partner that verifies now
 * (two during a rotation), compared in constant time.
 */
@Component
class PushVerifier {

  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final int MAX_ID_LENGTH = 200;

  private final PartnerAdmin partners;
  private final PushSecrets secrets;
  private final SecretSealer sealer;
  private final Clock clock;

  PushVerifier(PartnerAdmin partners, PushSecrets secrets, SecretSealer sealer, Clock clock) {
    this.partners = partners;
    this.secrets = secrets;
    this.sealer = sealer;
    this.clock = clock;
  }

  /** The verified push; {@link UnsignedPushException} when it is not one. */
  SignedPush verify(
      String partnerText,
      @Nullable String id,
      @Nullable String timestamp,
      @Nullable String signatures,
      byte[] body) {
    if (id == null || timestamp == null || signatures == null) {
      throw new UnsignedPushException(
          "The request is not signed: send webhook-id, webhook-timestamp and webhook-signature"
              + " (Standard Webhooks), signed with the partner's push secret.");
    }
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH || InputBounds.textProblem(id) != null) {
      throw new UnsignedPushException(
          "webhook-id must be 1 to " + MAX_ID_LENGTH + " characters without control characters.");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw new UnsignedPushException(
          "webhook-timestamp must be whole seconds since 1970-01-01T00:00:00Z.");
    }
    Instant now = clock.instant();
    long off = Math.abs(now.getEpochSecond() - seconds);
    if (off > TOLERANCE.toSeconds()) {
      throw new UnsignedPushException(
          "webhook-timestamp is "
              + off
              + " seconds from now; it must be within "
              + TOLERANCE.toSeconds()
              + ": sign each request as it is sent (and check the sender's clock).");
    }
    PartnerView partner = partner(partnerText);
    List<String> keys =
        partner == null
            ? List.of()
            : secrets.verifying(partner.id(), now).stream().map(sealer::open).toList();
    if (partner == null || !anyMatches(keys, signatures, id, seconds, body)) {
      throw new UnsignedPushException(
          "The signature does not verify with the partner's push secret (an administrator"
              + " issues one), or the partner in the path is not one of ours.");
    }
    return new SignedPush(
        partner.id(),
        partner.name(),
        partner.clientId(),
        partner.scopes(),
        id,
        IdempotencyKeys.sha256(body));
  }

  private @Nullable PartnerView partner(String text) {
    try {
      return partners.get(UUID.fromString(text));
    } catch (IllegalArgumentException | NotFoundException e) {
      return null;
    }
  }

  private static boolean anyMatches(
      List<String> keys, String header, String id, long timestamp, byte[] body) {
    boolean matched = false;
    for (String key : keys) {
      byte[] expected =
          WebhookSignature.sign(key, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
      for (String given : header.trim().split("\\s+")) {
        // no early exit: every pair costs the same whichever matches
        matched |= MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
      }
    }
    return matched;
  }
}
