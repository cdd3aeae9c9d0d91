package io.stride.analytics.fitness;

import io.stride.analytics.fitness.FitnessResponses.FitnessSeriesResponse;
import io.stride.analytics.fitness.FitnessResponses.ReadinessResponse;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's fitness, fatigue and form per day, and today's readiness with its reasons. */
@Tag(name = "Fitness")
@RestController
@RequestMapping("/api/v1/analytics/me")
class FitnessController {

  private final FitnessViews views;

  FitnessController(FitnessViews views) {
    this.views = views;
  }

  @Operation(
      operationId = "getMyFitnessSeries",
      summary =
          "The caller's daily load, fitness (CTL), fatigue (ATL), form (TSB) and acute:chronic"
              + " ratio per local day, from..to inclusive (at most 2,200 days; default the last 90)")
  @GetMapping("/fitness")
  FitnessSeriesResponse fitness(
      CurrentUser user,
      @Parameter(description = "first local day; default 89 days before to")
          @RequestParam(required = false)
          LocalDate from,
      @Parameter(description = "last local day; default the caller's today")
          @RequestParam(required = false)
          LocalDate to) {
    return views.series(user.id(), from, to);
  }

  @Operation(
      operationId = "getMyReadiness",
      summary = "The caller's readiness today: a 0–100 score with its reasons in plain words")
  @GetMapping("/readiness")
  ReadinessResponse readiness(CurrentUser user) {
    return views.readiness(user.id());
  }
}
