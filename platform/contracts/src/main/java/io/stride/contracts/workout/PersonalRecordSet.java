package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.util.UUID;

/**
 * A best effort beat the athlete's previous best for that sport and distance. {@code
 * previousSeconds} is null for the first effort ever recorded at the distance.
 */
@EventType(name = "PersonalRecordSet", version = 1)
public record PersonalRecordSet(
    UUID userId,
    UUID workoutId,
    String sport,
    String effort,
    double distanceMeters,
    double elapsedSeconds,
    Double previousSeconds)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
