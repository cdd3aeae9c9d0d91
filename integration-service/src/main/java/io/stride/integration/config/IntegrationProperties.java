package io.stride.integration.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * integration-service's settings ({@code stride.integration.*}).
 *
 * @param secretKey base64 of the 32-byte AES key signing secrets are sealed under
 * @param allowLoopbackHttp local runs and tests only: webhooks to loopback addresses, over http
 * @param delivery how webhooks are sent
 * @param imports how activities are pulled from other platforms (import connectors)
 */
@ConfigurationProperties("stride.integration")
public record IntegrationProperties(
    String secretKey, boolean allowLoopbackHttp, Delivery delivery, Imports imports) {

  public IntegrationProperties {
    delivery = delivery == null ? new Delivery(null, 0, null, null, null) : delivery;
    imports = imports == null ? new Imports(null, 0, null, null, null) : imports;
  }

  /**
   * @param syncEvery how long after catching up an account is pulled again
   * @param batch activities pulled per account per turn (accounts take turns, so one long history
   *     never holds the quota from the others)
   * @param poll how often due accounts are looked for
   * @param backfill how far back a newly linked account is imported, unless the athlete says
   * @param strava the Strava API v3 connector; off while its client id is blank
   */
  public record Imports(
      Duration syncEvery, int batch, Duration poll, Duration backfill, Strava strava) {

    public Imports {
      syncEvery = syncEvery == null ? Duration.ofHours(1) : syncEvery;
      batch = batch <= 0 ? 20 : batch;
      poll = poll == null ? Duration.ofSeconds(30) : poll;
      backfill = backfill == null ? Duration.ofDays(90) : backfill;
      strava = strava == null ? new Strava(null, null, null, null, 0, 0) : strava;
    }
  }

  /**
   * Strava's API v3 (https://developers.strava.com/docs/reference/).
   *
   * @param clientId the Stride application's client id at Strava; blank: the connector is off
   * @param clientSecret its secret (an environment variable, never a file in the repo)
   * @param baseUrl https://www.strava.com (a local stub in tests)
   * @param redirectUris where Strava may send athletes back with a code (Stride's own pages)
   * @param shortLimit requests per 15 minutes (Strava's read limit, 100 by default); the {@code
   *     X-ReadRateLimit-Limit} header it answers with wins when it says otherwise
   * @param dailyLimit requests per UTC day (1,000 by default)
   */
  public record Strava(
      String clientId,
      String clientSecret,
      String baseUrl,
      java.util.List<String> redirectUris,
      int shortLimit,
      int dailyLimit) {

    public Strava {
      baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://www.strava.com" : baseUrl;
      redirectUris =
          redirectUris == null ? java.util.List.of() : java.util.List.copyOf(redirectUris);
      shortLimit = shortLimit <= 0 ? 100 : shortLimit;
      dailyLimit = dailyLimit <= 0 ? 1000 : dailyLimit;
    }

    public boolean enabled() {
      return clientId != null && !clientId.isBlank();
    }
  }

  /**
   * @param timeout success is a 2xx within it (connect, send and answer)
   * @param workers sending threads, each on one endpoint at a time
   * @param poll how often due deliveries are looked for
   * @param disableAfter an endpoint failing without a break this long is disabled
   * @param giveUpAfter a delivery still failing this long after its first attempt is failed
   */
  public record Delivery(
      Duration timeout, int workers, Duration poll, Duration disableAfter, Duration giveUpAfter) {

    public Delivery {
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      workers = workers <= 0 ? 8 : workers;
      poll = poll == null ? Duration.ofMillis(500) : poll;
      disableAfter = disableAfter == null ? Duration.ofDays(3) : disableAfter;
      giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
    }
  }
}
