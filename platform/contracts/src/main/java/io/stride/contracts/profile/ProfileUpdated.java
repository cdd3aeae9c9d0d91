package io.stride.contracts.profile;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The athlete's profile as it now stands: the fields other services keep local copies of (units,
 * zone and visibility defaults for workouts, heart-rate and body data for metrics).
 */
@EventType(name = "ProfileUpdated", version = 1)
public record ProfileUpdated(
    UUID userId,
    String displayName,
    String avatarUrl,
    LocalDate birthDate,
    String sex,
    Integer heightCm,
    Double weightKg,
    Integer maxHeartRate,
    Integer restingHeartRate,
    String units,
    String timeZone,
    String defaultWorkoutVisibility,
    String accountPrivacy,
    long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
