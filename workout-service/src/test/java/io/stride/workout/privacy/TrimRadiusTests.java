package io.stride.workout.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrimRadiusTests {

  private final PrivacyZones.Zone home = new PrivacyZones.Zone(UUID.randomUUID(), 48.85, 2.35, 400);

  @Test
  void eachWorkoutHidesBetweenTheZoneRadiusAndHalfAgainAsMuch() {
    Set<Long> seen = new HashSet<>();
    double smallest = Double.MAX_VALUE;
    double largest = 0;
    for (int i = 0; i < 2000; i++) {
      double radius = PrivacyZones.trimRadius(UUID.randomUUID(), home);
      smallest = Math.min(smallest, radius);
      largest = Math.max(largest, radius);
      seen.add(Math.round(radius));
    }

    assertThat(smallest).isGreaterThanOrEqualTo(400).isLessThan(410);
    assertThat(largest).isLessThanOrEqualTo(600).isGreaterThan(590);
    assertThat(seen).hasSizeGreaterThan(150);
  }

  @Test
  void theSameWorkoutAlwaysHidesTheSameRadius() {
    UUID workout = UUID.randomUUID();

    assertThat(PrivacyZones.trimRadius(workout, home))
        .isEqualTo(PrivacyZones.trimRadius(workout, home));
  }
}
