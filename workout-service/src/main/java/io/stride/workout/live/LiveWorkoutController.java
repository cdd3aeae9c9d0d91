package io.stride.workout.live;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tracker's live workout: start, stream readings to /api/v1/readings, finish. */
@Tag(name = "Live workouts")
@RestController
@RequestMapping("/api/v1/workouts/live")
class LiveWorkoutController {

  private final LiveWorkoutService live;

  LiveWorkoutController(LiveWorkoutService live) {
    this.live = live;
  }

  @Operation(
      operationId = "startLiveWorkout",
      summary = "A tracker starts recording a workout live")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<LiveWorkoutResponse> start(
      CurrentUser user, @Valid @RequestBody StartLiveWorkoutRequest request) {
    LiveWorkoutResponse started = live.start(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/workouts/live/" + started.id()))
        .body(started);
  }

  @Operation(operationId = "getLiveWorkout", summary = "A live workout as recorded so far")
  @GetMapping("/{id}")
  LiveWorkoutResponse get(CurrentUser user, @PathVariable UUID id) {
    return live.get(user.id(), id);
  }

  @Operation(
      operationId = "finishLiveWorkout",
      summary = "End a live workout; it becomes a workout")
  @PostMapping("/{id}/finish")
  LiveWorkoutResponse finish(CurrentUser user, @PathVariable UUID id) {
    return live.finish(user.id(), id);
  }
}
