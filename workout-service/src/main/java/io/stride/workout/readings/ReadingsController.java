package io.stride.workout.readings;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Readings")
@RestController
@RequestMapping("/api/v1/readings")
class ReadingsController {

  private final ReadingsService readings;

  ReadingsController(ReadingsService readings) {
    this.readings = readings;
  }

  /** A tracker's batch of up to 5,000 samples; {@code Content-Encoding: gzip} accepted. */
  @Operation(operationId = "postReadings", summary = "A tracker posts a batch of samples")
  @PostMapping
  ReadingBatchResponse ingest(CurrentUser user, @Valid @RequestBody ReadingBatchRequest batch) {
    return readings.ingest(user.id(), batch);
  }

  @Operation(operationId = "listDailyReadings", summary = "Per-day aggregates of the own readings")
  @GetMapping("/daily")
  List<DailyReadings> daily(
      CurrentUser user, @RequestParam LocalDate from, @RequestParam LocalDate to) {
    return readings.daily(user.id(), from, to);
  }
}
