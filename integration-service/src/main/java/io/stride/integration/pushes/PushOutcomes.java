package io.stride.integration.pushes;

import io.stride.integration.imports.ImportOutcomeListener;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How imports of pushed files ended: a push still {@code accepted} takes its import's outcome. */
@Component
class PushOutcomes implements ImportOutcomeListener {

  private final PushRecords records;

  PushOutcomes(PushRecords records) {
    this.records = records;
  }

  @Override
  public void finished(
      UUID importId, String status, @Nullable UUID workoutId, @Nullable String reason, Instant at) {
    records.finish(importId, status, workoutId, reason, at);
  }
}
