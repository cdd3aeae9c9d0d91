package io.stride.gamification.standing;

import io.stride.gamification.standing.ProgressResponses.BadgeCatalogue;
import io.stride.gamification.standing.ProgressResponses.MyBadges;
import io.stride.gamification.standing.ProgressResponses.MyProgress;
import io.stride.gamification.standing.ProgressResponses.Streaks;
import io.stride.gamification.standing.ProgressResponses.WorkoutScore;
import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.stride.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My points, level, badges, streaks and workout scores; the badge catalogue. */
@Tag(name = "Progress")
@RestController
@Validated
@RequestMapping("/api/v1/gamification")
class ProgressController {

  private final ProgressViews views;

  ProgressController(ProgressViews views) {
    this.views = views;
  }

  @Operation(
      operationId = "getMyProgress",
      summary = "The caller's points, level, streaks and how many badges they hold")
  @GetMapping("/me")
  MyProgress me(CurrentUser user) {
    return views.progress(user.id());
  }

  @Operation(
      operationId = "getMyStreaks",
      summary = "The caller's daily and weekly streaks as of now, on their own clock")
  @GetMapping("/me/streaks")
  Streaks streaks(CurrentUser user) {
    return views.streaks(user.id());
  }

  @Operation(operationId = "listMyBadges", summary = "The badges the caller holds, newest first")
  @GetMapping("/me/badges")
  MyBadges badges(CurrentUser user) {
    return views.badgesOf(user.id());
  }

  @Operation(
      operationId = "listMyWorkoutScores",
      summary = "The caller's workouts' scores, newest day first; status=review for those marked")
  @GetMapping("/me/workouts")
  Page<WorkoutScore> workouts(
      CurrentUser user,
      @RequestParam(required = false) @Pattern(regexp = "counted|review") String status,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return views.scores(
        user.id(),
        status == null ? null : status.toUpperCase(Locale.ROOT),
        ProgressViews.after(cursor),
        limit);
  }

  @Operation(
      operationId = "getMyWorkoutScore",
      summary = "What one of the caller's workouts earned, or why it is marked for review")
  @ApiResponse(
      responseCode = "200",
      description = "The workout's score",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such workout of the caller's (yet)")
  @GetMapping("/me/workouts/{workoutId}")
  WorkoutScore workout(CurrentUser user, @PathVariable UUID workoutId) {
    return views
        .score(user.id(), workoutId)
        .orElseThrow(
            () -> new NotFoundException("No workout " + workoutId + " of yours is scored"));
  }

  @Operation(operationId = "listBadges", summary = "Every badge there is, with what earns it")
  @GetMapping("/badges")
  BadgeCatalogue catalogue() {
    return views.catalogue();
  }
}
