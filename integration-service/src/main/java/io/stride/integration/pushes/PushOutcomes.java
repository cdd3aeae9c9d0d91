package io.stride.integration.pushes;

import io.stride.contracts.workout.ImportCompleted;
import io.stride.contracts.workout.ImportFailed;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * How workout-service's imports of pushed files ended: a push still {@code accepted} takes its
 * import's outcome. Imports of the athletes' own uploads share the topic and match no push.
 */
@Component
class PushOutcomes {

  private static final int MAX_REASON = 500;

  private final PushRecords records;

  PushOutcomes(PushRecords records) {
    this.records = records;
  }

  @EventHandler
  void completed(ImportCompleted event) {
    String status = "duplicate".equals(event.outcome()) ? "duplicate" : "done";
    records.finish(event.importId(), status, event.workoutId(), null, event.completedAt());
  }

  @EventHandler
  void failed(ImportFailed event) {
    String reason = event.reason();
    if (reason != null && reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
    records.finish(event.importId(), "failed", null, reason, event.failedAt());
  }
}
