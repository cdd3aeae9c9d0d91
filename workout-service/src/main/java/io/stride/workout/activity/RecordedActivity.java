package io.stride.workout.activity;

import io.stride.workout.metrics.ActivityMetrics;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded activity (an imported file, a finished live workout) about to become a workout. */
public record RecordedActivity(
    UUID ownerId,
    Origin origin,
    Sport sport,
    String name,
    Instant startTime,
    String device,
    String deviceName,
    UUID importId,
    Track track,
    ActivityMetrics metrics,
    ParsedActivity.DeviceTotals deviceTotals,
    List<ParsedActivity.Lap> laps) {

  /** Where the samples came from. */
  public enum Origin {
    FILE,
    LIVE
  }
}
