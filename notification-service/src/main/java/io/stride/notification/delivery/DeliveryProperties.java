package io.stride.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are sent ({@code stride.notifications.delivery.*}).
 *
 * @param batch how many due deliveries one pass claims
 * @param senders how many are sent at once (each person's one after another)
 * @param lease how long a claimed delivery is left to its sender before another pass may retry it
 * @param maxAttempts tries before a delivery gives up (visibly: metric and log)
 * @param firstRetry the wait after the first failure; each next wait is four times longer
 */
@ConfigurationProperties("stride.notifications.delivery")
record DeliveryProperties(
    @DefaultValue("50") int batch,
    @DefaultValue("8") int senders,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("30s") Duration firstRetry) {

  Duration backoff(int attempts) {
    return firstRetry.multipliedBy((long) Math.pow(4, Math.max(attempts - 1, 0)));
  }
}
