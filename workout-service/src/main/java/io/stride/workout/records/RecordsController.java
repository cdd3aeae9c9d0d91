package io.stride.workout.records;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Workouts")
@RestController
class RecordsController {

  private final AthleteRecords records;

  RecordsController(AthleteRecords records) {
    this.records = records;
  }

  @Operation(
      operationId = "getRecords",
      summary = "The caller's records: farthest, longest, most climbing, fastest, best efforts")
  @GetMapping("/api/v1/workouts/records")
  RecordsResponse mine(CurrentUser user) {
    return records.of(user.id());
  }
}
