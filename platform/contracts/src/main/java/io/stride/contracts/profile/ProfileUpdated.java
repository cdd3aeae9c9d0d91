package io.stride.contracts.profile;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The athlete's profile as it now stands: the fields other services keep local copies of (units,
 * zone and visibility defaults for workouts, heart-rate and body data for metrics, the region for
 * regional rules). Version 2 added {@code region} ({@code null} in version 1 events and until the
 * athlete picks one).
 */
@EventType(name = "ProfileUpdated", version = 2)
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
    String region,
    long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
