package io.stride.workout.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.workout.metrics.Geodesy;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrimRadiusTests {

  private final SecureRandom random = new SecureRandom();
  private final Zone home =
      new Zone(UUID.randomUUID(), 48.85, 2.35, 400, ZoneSecret.draw(400, random));

  @Test
  void theHiddenCentreLiesBetweenThreeAndFiveTenthsOfTheRadiusFromTheRealOne() {
    Random seeded = new Random(7);
    double nearest = Double.MAX_VALUE;
    double farthest = 0;
    for (int i = 0; i < 5000; i++) {
      int radius = 200 + seeded.nextInt(1401);
      Zone zone =
          new Zone(
              UUID.randomUUID(),
              -80 + 160 * seeded.nextDouble(),
              -180 + 360 * seeded.nextDouble(),
              radius,
              ZoneSecret.draw(radius, seeded));
      double[] centre = ZoneHiding.hiddenCentre(zone);
      double offset = Geodesy.distance(zone.latitude(), zone.longitude(), centre[0], centre[1]);
      nearest = Math.min(nearest, offset / radius);
      farthest = Math.max(farthest, offset / radius);
    }

    assertThat(nearest).isGreaterThanOrEqualTo(0.3 - 1e-6).isLessThan(0.31);
    assertThat(farthest).isLessThanOrEqualTo(0.5 + 1e-6).isGreaterThan(0.49);
  }

  @Test
  void eachWorkoutHidesTheOffsetZoneAndUpToAQuarterOfTheRadiusMore() {
    double[] centre = ZoneHiding.hiddenCentre(home);
    double offset = Geodesy.distance(home.latitude(), home.longitude(), centre[0], centre[1]);
    Set<Long> seen = new HashSet<>();
    double smallest = Double.MAX_VALUE;
    double largest = 0;
    for (int i = 0; i < 2000; i++) {
      double radius = ZoneHiding.trimRadius(UUID.randomUUID(), home);
      smallest = Math.min(smallest, radius);
      largest = Math.max(largest, radius);
      seen.add(Math.round(radius));
    }

    assertThat(smallest).isGreaterThanOrEqualTo(400 + offset).isLessThan(405 + offset);
    assertThat(largest).isLessThanOrEqualTo(500 + offset).isGreaterThan(495 + offset);
    assertThat(seen).hasSizeGreaterThan(80);
  }

  @Test
  void theSameWorkoutAlwaysHidesTheSameRadiusAndAnotherKeyAnother() {
    UUID workout = UUID.randomUUID();
    Zone sameZoneOtherKey =
        new Zone(
            home.id(),
            home.latitude(),
            home.longitude(),
            home.radiusMeters(),
            new ZoneSecret(
                home.secret().offsetNorthMeters(),
                home.secret().offsetEastMeters(),
                ZoneSecret.draw(400, random).key()));

    assertThat(ZoneHiding.trimRadius(workout, home))
        .isEqualTo(ZoneHiding.trimRadius(workout, home))
        .isNotEqualTo(ZoneHiding.trimRadius(workout, sameZoneOtherKey));
  }

  @Test
  void everyPointOfTheZoneTheAthleteChoseIsHidden() {
    Random seeded = new Random(11);
    for (int z = 0; z < 200; z++) {
      int radius = 200 + seeded.nextInt(1401);
      Zone zone =
          new Zone(
              UUID.randomUUID(),
              -80 + 160 * seeded.nextDouble(),
              -179 + 358 * seeded.nextDouble(),
              radius,
              ZoneSecret.draw(radius, seeded));
      double[] lat = new double[200];
      double[] lng = new double[200];
      for (int i = 0; i < lat.length; i++) {
        double bearing = 2 * Math.PI * seeded.nextDouble();
        double meters = radius * (i == 0 ? 1 : seeded.nextDouble());
        lat[i] = zone.latitude() + meters * Math.cos(bearing) / 111_320;
        lng[i] =
            zone.longitude()
                + meters * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(lat[i])));
        // keep only points truly within the radius as Geodesy measures it
        if (Geodesy.distance(zone.latitude(), zone.longitude(), lat[i], lng[i]) > radius) {
          lat[i] = zone.latitude();
          lng[i] = zone.longitude();
        }
      }

      boolean[] hidden = ZoneHiding.hidden(List.of(zone), UUID.randomUUID(), lat, lng);

      for (boolean h : hidden) {
        assertThat(h).isTrue();
      }
    }
  }
}
