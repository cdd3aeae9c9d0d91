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

  /**
   * The endpoint's secrets that sign at {@code now}, opened: the current one first, then one still
   * retiring. The same for every delivery of one claim (a rotation waits for the endpoint's lock).
   */
  public List<String> secretsOf(UUID endpointId, Instant now) {
    List<String> secrets =
        endpoints.signingSecrets(endpointId, now).stream().map(sealer::open).toList();
    if (secrets.isEmpty()) {
      throw new IllegalStateException("endpoint " + endpointId + " has no signing secret");
    }
    return secrets;
  }
}
