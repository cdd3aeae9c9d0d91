package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.util.UUID;

/**
 * A piece of the athlete's gear (shoes, a bike) reached the distance they asked to be reminded at,
 * with the workout that took it there; once per reminder distance.
 *
 * @param kind {@code shoes}, {@code bike} or {@code other}
 * @param distanceMeters the gear's distance now, over all its workouts
 * @param reminderMeters the distance the athlete set
 */
@EventType(name = "GearDistanceReached", version = 1)
public record GearDistanceReached(
    UUID userId,
    UUID gearId,
    String name,
    String kind,
    UUID workoutId,
    double distanceMeters,
    double reminderMeters)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
