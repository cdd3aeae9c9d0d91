package io.stride.integration.connectors;

import io.stride.integration.imports.ImportOutcomeListener;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How imports of pulled activities ended: one still {@code accepted} takes its outcome. */
@Component
class ConnectorOutcomes implements ImportOutcomeListener {

  private final ConnectorActivities activities;

  ConnectorOutcomes(ConnectorActivities activities) {
    this.activities = activities;
  }

  @Override
  public void finished(
      UUID importId, String status, @Nullable UUID workoutId, @Nullable String reason, Instant at) {
    activities.finish(importId, status, workoutId, reason, at);
  }
}
