package io.stride.workout.readings;

import io.stride.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/readings")
class ReadingsController {

  private final ReadingsService readings;

  ReadingsController(ReadingsService readings) {
    this.readings = readings;
  }

  /** A tracker's batch of up to 5,000 samples; {@code Content-Encoding: gzip} accepted. */
  @PostMapping
  ReadingBatchResponse ingest(CurrentUser user, @Valid @RequestBody ReadingBatchRequest batch) {
    return readings.ingest(user.id(), batch);
  }

  @GetMapping("/daily")
  List<DailyReadings> daily(
      CurrentUser user, @RequestParam LocalDate from, @RequestParam LocalDate to) {
    return readings.daily(user.id(), from, to);
  }
}
