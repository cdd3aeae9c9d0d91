package io.stride.integration.imports;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A feature that handed files to workout-service and wants to hear how their imports ended
 * (partners' pushes, import connectors). Each is told every outcome and ignores ids not its own.
 */
public interface ImportOutcomeListener {

  /**
   * @param status {@code done}, {@code duplicate} or {@code failed}
   */
  void finished(
      UUID importId, String status, @Nullable UUID workoutId, @Nullable String reason, Instant at);
}
