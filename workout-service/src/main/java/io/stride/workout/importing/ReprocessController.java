package io.stride.workout.importing;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Imports")
@RestController
class ReprocessController {

  private final ReprocessService reprocessing;

  ReprocessController(ReprocessService reprocessing) {
    this.reprocessing = reprocessing;
  }

  /**
   * Processes an imported workout's original file again (after an algorithm improved): streams,
   * metrics, best efforts and records are recomputed and {@code WorkoutUpdated} is published; what
   * the athlete set stays. 204; 422 for a workout that did not come from a file.
   */
  @Operation(
      operationId = "reprocessWorkout",
      summary = "Compute a workout's metrics again from its stored file")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PostMapping("/api/v1/workouts/{workoutId}/reprocess")
  ResponseEntity<Void> reprocess(CurrentUser user, @PathVariable UUID workoutId) {
    reprocessing.reprocess(user.id(), workoutId);
    return ResponseEntity.noContent().build();
  }
}
