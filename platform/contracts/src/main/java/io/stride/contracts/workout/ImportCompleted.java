package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An import became a workout ({@code outcome} {@code done}) or turned out to be one the athlete has
 * already ({@code duplicate}: linked to that workout, nothing recorded twice). With {@code
 * ImportFailed} it ends every import; integration-service reports it to the partner that pushed the
 * file.
 *
 * @param outcome {@code done} or {@code duplicate}
 * @param workoutId the workout recorded, or the one the import duplicates
 */
@EventType(name = "ImportCompleted", version = 1)
public record ImportCompleted(
    UUID userId, UUID importId, String outcome, UUID workoutId, Instant completedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
