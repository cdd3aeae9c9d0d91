package io.stride.analytics.athletes;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * What the models know of an athlete from their profile; every field but the zone may be unknown.
 *
 * @param sex {@code MALE}, {@code FEMALE}, another value or null (profile-service's values)
 */
public record Athlete(
    ZoneId zone,
    @Nullable String region,
    @Nullable String sex,
    @Nullable LocalDate birthDate,
    @Nullable Integer maxHeartRate,
    @Nullable Integer restingHeartRate) {

  /** Someone whose profile has not arrived (yet): UTC, nothing else known. */
  public static final Athlete UNKNOWN = new Athlete(ZoneId.of("UTC"), null, null, null, null, null);
}
