package io.stride.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings ({@code stride.outbox.*}).
 *
 * @param pollInterval how often to look for due rows when not woken by a commit
 * @param batchSize rows claimed per transaction
 * @param sendTimeout how long to wait for a broker acknowledgement
 * @param maxBackoff the longest wait between retries of a failing row
 * @param retention how long published rows are kept for inspection and replay
 */
@ConfigurationProperties("stride.outbox")
public record OutboxProperties(
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("200") int batchSize,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("30s") Duration maxBackoff,
    @DefaultValue("7d") Duration retention) {

  /** Exponential backoff from 250 ms, capped at {@link #maxBackoff}. */
  Duration backoffFor(int attempts) {
    long millis = 250L << Math.min(attempts - 1, 16);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
