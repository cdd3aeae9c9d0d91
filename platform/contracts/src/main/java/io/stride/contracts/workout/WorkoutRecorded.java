package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;

/**
 * A workout now exists: entered by hand, imported from a file, or finished live.
 *
 * <p>Version 2: the summary carries {@code maxSpeedMetersPerSecond}, {@code maxHeartRate} and
 * {@code gpsJumps} (null in version 1 events). Version 3: it carries {@code heartRateZoneSeconds}
 * and {@code perceivedEffort} (null before).
 */
@EventType(name = "WorkoutRecorded", version = 3)
public record WorkoutRecorded(WorkoutSummary workout) implements StrideEvent {

  @Override
  public String subject() {
    return workout.workoutId().toString();
  }
}
