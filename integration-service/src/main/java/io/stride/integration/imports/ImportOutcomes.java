package io.stride.integration.imports;

import io.stride.contracts.workout.ImportCompleted;
import io.stride.contracts.workout.ImportFailed;
import io.stride.platform.events.EventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How workout-service's imports ended ({@code ImportCompleted}, {@code ImportFailed}), told to
 * every feature that hands it files. Imports of athletes' own uploads share the topic and match
 * none of them.
 */
@Component
class ImportOutcomes {

  private static final int MAX_REASON = 500;

  private final List<ImportOutcomeListener> listeners;

  ImportOutcomes(List<ImportOutcomeListener> listeners) {
    this.listeners = listeners;
  }

  @EventHandler
  void completed(ImportCompleted event) {
    String status = "duplicate".equals(event.outcome()) ? "duplicate" : "done";
    listeners.forEach(
        l -> l.finished(event.importId(), status, event.workoutId(), null, event.completedAt()));
  }

  @EventHandler
  void failed(ImportFailed event) {
    String reason = event.reason();
    if (reason != null && reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
    String shown = reason;
    listeners.forEach(l -> l.finished(event.importId(), "failed", null, shown, event.failedAt()));
  }
}
