package io.stride.analytics.community;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a region's athletes did in a week: k-anonymous, public workouts of public accounts. */
@Tag(name = "Community")
@RestController
@Validated
@RequestMapping("/api/v1/analytics/regions")
class RegionWeekController {

  private final RegionWeeks weeks;
  private final Clock clock;

  RegionWeekController(RegionWeeks weeks, Clock clock) {
    this.weeks = weeks;
    this.clock = clock;
  }

  @Operation(
      operationId = "getRegionWeek",
      summary =
          "A region's athletes' week in a sport (public workouts of public accounts; nothing shown"
              + " for fewer than 10 athletes)")
  @ApiResponse(
      responseCode = "200",
      description = "The region's week, or suppressed",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such region")
  @GetMapping("/{region}/weekly")
  RegionWeekResponse week(
      @PathVariable @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?") String region,
      @Parameter(description = "run, ride, swim …")
          @RequestParam(defaultValue = "run")
          @Pattern(regexp = "[a-z_]{1,32}")
          String sport,
      @Parameter(description = "any day of the week; default today (UTC)")
          @RequestParam(required = false)
          LocalDate week) {
    return weeks.week(region, sport, week != null ? week : LocalDate.now(clock));
  }
}
