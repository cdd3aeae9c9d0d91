package io.stride.integration.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs a delivery with every secret of its endpoint that signs now (two during a rotation). */
@Component
public class Signer {

  private final Endpoints endpoints;
  private final SecretSealer sealer;

  Signer(Endpoints endpoints, SecretSealer sealer) {
    this.endpoints = endpoints;
    this.sealer = sealer;
  }

  /** The {@code webhook-signature} header value. */
  public String signatures(
      UUID endpointId, String webhookId, long timestamp, String body, Instant now) {
    List<String> secrets =
        endpoints.signingSecrets(endpointId, now).stream().map(sealer::open).toList();
    if (secrets.isEmpty()) {
      throw new IllegalStateException("endpoint " + endpointId + " has no signing secret");
    }
    return WebhookSignature.header(secrets, webhookId, timestamp, body);
  }
}
