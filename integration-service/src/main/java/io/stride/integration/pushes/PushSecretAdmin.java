package io.stride.integration.pushes;

import io.stride.integration.partners.PartnerAdmin;
import io.stride.integration.webhooks.RotationRequest;
import io.stride.integration.webhooks.SecretSealer;
import io.stride.integration.webhooks.WebhookSignature;
import io.stride.platform.web.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' push secrets, as administrators issue them: the first one, then rotations that keep the
 * previous secret verifying for a while (as endpoints' signing secrets rotate, ADR 0037).
 */
@Service
class PushSecretAdmin {

  private final PushSecrets secrets;
  private final PartnerAdmin partners;
  private final SecretSealer sealer;
  private final Clock clock;

  PushSecretAdmin(PushSecrets secrets, PartnerAdmin partners, SecretSealer sealer, Clock clock) {
    this.secrets = secrets;
    this.partners = partners;
    this.sealer = sealer;
    this.clock = clock;
  }

  /**
   * A new current secret. The partner's first one replaces nothing; after that the previous one
   * verifies too until {@code expiresInHours} from now (0: it stops at once), and while an earlier
   * rotation's secret still verifies another rotation is 409, unless 0.
   */
  @Transactional
  PushSecretView issue(UUID partnerId, @Nullable RotationRequest request) {
    partners.get(partnerId);
    secrets.lockPartner(partnerId);
    Instant now = clock.instant();
    Instant previousExpiresAt = null;
    if (secrets.hasCurrent(partnerId)) {
      int hours = RotationRequest.overlapHours(request);
      Optional<Instant> retiring = secrets.retiringUntil(partnerId, now);
      if (hours > 0 && retiring.isPresent()) {
        throw new ConflictException(
            "The push secret replaced by the last rotation still verifies until "
                + retiring.get()
                + ": rotating again would drop it before the partner moved off it. Rotate after"
                + " then, or with expiresInHours 0 to replace the current secret at once (a"
                + " leaked one), which ends every overlap.");
      }
      previousExpiresAt = now.plus(Duration.ofHours(hours));
      secrets.retireCurrent(partnerId, previousExpiresAt);
    }
    String secret = WebhookSignature.newSecret();
    secrets.insert(partnerId, sealer.seal(secret), now);
    return new PushSecretView(partnerId, secret, previousExpiresAt);
  }
}
