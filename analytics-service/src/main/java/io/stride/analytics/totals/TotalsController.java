package io.stride.analytics.totals;

import io.stride.analytics.totals.TotalsResponses.TotalsSeries;
import io.stride.analytics.totals.TotalsResponses.WeekComparison;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's totals by day, week, month or year, and this week against the last ones. */
@Tag(name = "Totals")
@RestController
@Validated
@RequestMapping("/api/v1/analytics/me")
class TotalsController {

  private final TotalsViews views;

  TotalsController(TotalsViews views) {
    this.views = views;
  }

  @Operation(
      operationId = "getMyTotals",
      summary =
          "The caller's count, distance, moving time, elevation gain and calories per bucket of"
              + " local days, overall and per sport, zero-filled (at most 2,200 buckets)")
  @GetMapping("/totals")
  TotalsSeries totals(
      CurrentUser user,
      @Parameter(description = "day, week (the region's first day of the week), month or year")
          @RequestParam(defaultValue = "week")
          @Pattern(regexp = "day|week|month|year")
          String period,
      @Parameter(description = "a local day in the first bucket; default a span per period")
          @RequestParam(required = false)
          LocalDate from,
      @Parameter(description = "a local day in the last bucket; default the caller's today")
          @RequestParam(required = false)
          LocalDate to,
      @Parameter(description = "only this sport (run, ride, swim …)")
          @RequestParam(required = false)
          @Pattern(regexp = "[a-z_]{1,32}")
          String sport) {
    return views.series(
        user.id(), Period.valueOf(period.toUpperCase(Locale.ROOT)), from, to, sport);
  }

  @Operation(
      operationId = "getMyWeekComparison",
      summary = "This week's totals against last week's and the four weeks before this one")
  @GetMapping("/weeks")
  WeekComparison weeks(CurrentUser user) {
    return views.weeks(user.id());
  }
}
