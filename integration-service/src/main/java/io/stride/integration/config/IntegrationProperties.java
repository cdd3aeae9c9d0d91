package io.stride.integration.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * integration-service's settings ({@code stride.integration.*}).
 *
 * @param secretKey base64 of the 32-byte AES key signing secrets are sealed under
 * @param allowLoopbackHttp local runs and tests only: webhooks to loopback addresses, over http
 * @param delivery how webhooks are sent
 */
@ConfigurationProperties("stride.integration")
public record IntegrationProperties(
    String secretKey, boolean allowLoopbackHttp, Delivery delivery) {

  public IntegrationProperties {
    delivery = delivery == null ? new Delivery(null, 0, null, null, null) : delivery;
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
