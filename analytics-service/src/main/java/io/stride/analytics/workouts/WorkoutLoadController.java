package io.stride.analytics.workouts;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.stride.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The training load of each of the caller's workouts, and how it was computed. */
@Tag(name = "Training load")
@RestController
@Validated
@RequestMapping("/api/v1/analytics/me/workouts")
class WorkoutLoadController {

  private final WorkoutLoadViews views;

  WorkoutLoadController(WorkoutLoadViews views) {
    this.views = views;
  }

  @Operation(
      operationId = "listMyWorkoutLoads",
      summary = "The caller's workouts' training loads, newest first")
  @GetMapping
  Page<WorkoutLoadResponse> list(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return views.list(user.id(), WorkoutLoadViews.after(cursor), limit);
  }

  @Operation(
      operationId = "getMyWorkoutLoad",
      summary = "One of the caller's workouts' training load by every method it allows")
  @ApiResponse(responseCode = "200", description = "The workout's load", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such workout of the caller's (yet)")
  @GetMapping("/{workoutId}")
  WorkoutLoadResponse get(CurrentUser user, @PathVariable UUID workoutId) {
    return views
        .find(user.id(), workoutId)
        .orElseThrow(
            () -> new NotFoundException("No workout " + workoutId + " of yours is analysed"));
  }
}
