package io.stride.analytics.predictions;

import io.stride.analytics.athletes.Athletes;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's VDOT and race predictions, with the effort they come from. */
@Tag(name = "Running estimates")
@RestController
@RequestMapping("/api/v1/analytics/me")
class PredictionsController {

  private final BestEffortCopies efforts;
  private final Athletes athletes;
  private final Clock clock;

  PredictionsController(BestEffortCopies efforts, Athletes athletes, Clock clock) {
    this.efforts = efforts;
    this.athletes = athletes;
    this.clock = clock;
  }

  /**
   * The estimates, or none with the reason.
   *
   * @param vdot Daniels–Gilbert VDOT of the effort, null without one
   * @param basedOn the effort: the best VDOT among runs' efforts of at least 3 km in 180 days
   * @param races 5k, 10k, half_marathon and marathon, each up to ten times the effort's distance
   * @param reason why there is nothing to predict from, or null
   */
  record PredictionsResponse(
      @Nullable Double vdot,
      @Nullable BasedOn basedOn,
      List<RacePredictions.Prediction> races,
      @Nullable String reason) {}

  /** The effort predictions come from. */
  record BasedOn(
      UUID workoutId,
      @Schema(
              description = "the best effort's name (5k, 10k …) or workout for the whole run",
              example = "5k")
          String effort,
      LocalDate day,
      double distanceMeters,
      double elapsedSeconds) {}

  @Operation(
      operationId = "getMyRacePredictions",
      summary =
          "The caller's VDOT and predicted 5k, 10k, half and marathon times (Riegel and VDOT) from"
              + " their best running effort of the last 180 days")
  @GetMapping("/predictions")
  PredictionsResponse predictions(CurrentUser user) {
    LocalDate today = LocalDate.now(clock.withZone(athletes.find(user.id()).zone()));
    RacePredictions.Predictions predictions =
        RacePredictions.of(
            efforts.since(user.id(), today.minusDays(RacePredictions.WINDOW_DAYS)), today);
    return predictions
        .basedOn()
        .map(
            e ->
                new PredictionsResponse(
                    predictions.vdot(),
                    new BasedOn(
                        e.workoutId(), e.name(), e.day(), e.distanceMeters(), e.elapsedSeconds()),
                    predictions.races(),
                    null))
        .orElseGet(
            () ->
                new PredictionsResponse(
                    null,
                    null,
                    List.of(),
                    "No run of at least 3 km in the last 180 days: nothing to predict from."));
  }
}
