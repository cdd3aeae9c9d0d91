package io.stride.integration.pushes;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pushes are kept {@link #KEPT}: long enough for a partner's retries and status reads, not longer
 * (a push names an athlete and what they did). The workouts they made stay in workout-service.
 */
@Component
class PushRetention {

  static final Duration KEPT = Duration.ofDays(30);
  private static final Logger log = LoggerFactory.getLogger(PushRetention.class);

  private final PushRecords records;
  private final Clock clock;

  PushRetention(PushRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${stride.integration.pushes.retention-sweep:1h}",
      initialDelayString = "${stride.integration.pushes.retention-sweep:1h}")
  void sweep() {
    int deleted = records.deleteReceivedBefore(clock.instant().minus(KEPT));
    if (deleted > 0) {
      log.info("Deleted {} partner pushes older than {}", deleted, KEPT);
    }
  }
}
