package io.stride.workout.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.workout.metrics.Geodesy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two attacks of the security review, run against the production hiding: twenty public loops
 * from home in random directions, each shown to a stranger as the streams endpoint shows them. The
 * guarantee they check is the one in docs/adr/0008-privacy-zone-guarantee.md.
 */
class PrivacyZoneAttackTests {

  private static final double HOME_LAT = 45.0;
  private static final double HOME_LNG = 6.0;
  private static final int RADIUS = 400;
  private static final int WORKOUTS = 20;
  private static final int ATHLETES = 25;
  private static final double METERS_PER_DEGREE = 111_132.0;

  @Test
  void fittingACircleToTheEndsOfTwentyWorkoutsFindsTheHiddenCentreNotTheHome() {
    for (int athlete = 0; athlete < ATHLETES; athlete++) {
      Random random = new Random(athlete);
      Zone zone =
          new Zone(UUID.randomUUID(), HOME_LAT, HOME_LNG, RADIUS, ZoneSecret.draw(RADIUS, random));
      List<double[]> ends = new ArrayList<>();
      for (int w = 0; w < WORKOUTS; w++) {
        Shown shown =
            shownToOthers(
                zone, loopFromHome(random), new UUID(random.nextLong(), random.nextLong()));
        int last = shown.lat.length - 1;
        ends.add(local(shown.lat[0], shown.lng[0]));
        ends.add(local(shown.lat[last], shown.lng[last]));
      }

      double[] fitted = fitCircleCentre(ends);
      double[] hiddenCentre = ZoneHiding.hiddenCentre(zone);
      double[] hidden = local(hiddenCentre[0], hiddenCentre[1]);
      double error = Math.hypot(fitted[0], fitted[1]);

      assertThat(Math.hypot(fitted[0] - hidden[0], fitted[1] - hidden[1]))
          .as("what the fit learns is the hidden centre")
          .isLessThan(0.1 * RADIUS);
      assertThat(error).as("athlete %d", athlete).isGreaterThanOrEqualTo(0.25 * RADIUS);
    }
  }

  @Test
  void deadReckoningFromTheFirstShownPointBackAlongDistanceAndTimeStaysOutsideTheZone() {
    for (int athlete = 0; athlete < ATHLETES; athlete++) {
      Random random = new Random(1000 + athlete);
      Zone zone =
          new Zone(UUID.randomUUID(), HOME_LAT, HOME_LNG, RADIUS, ZoneSecret.draw(RADIUS, random));
      for (int w = 0; w < WORKOUTS; w++) {
        Shown shown =
            shownToOthers(
                zone, loopFromHome(random), new UUID(random.nextLong(), random.nextLong()));
        double[] first = local(shown.lat[0], shown.lng[0]);
        double[] second = local(shown.lat[1], shown.lng[1]);
        double step = Math.hypot(second[0] - first[0], second[1] - first[1]);
        double speed =
            shown.distance[shown.distance.length - 1] / shown.time[shown.time.length - 1];
        double back = Math.max(shown.distance[0], shown.time[0] * speed);
        double[] guess = {
          first[0] - back * (second[0] - first[0]) / step,
          first[1] - back * (second[1] - first[1]) / step
        };
        double error = Math.hypot(guess[0], guess[1]);

        assertThat(shown.distance[0]).isZero();
        assertThat(shown.time[0]).isZero();
        assertThat(error).isGreaterThanOrEqualTo(RADIUS);
      }
    }
  }

  private record Track(double[] lat, double[] lng, double[] time, double[] distance) {}

  private record Shown(double[] lat, double[] lng, double[] time, double[] distance) {}

  /** What the streams endpoint shows a stranger, through the same production classes. */
  private static Shown shownToOthers(Zone zone, Track track, UUID workoutId) {
    HiddenSamples hidden =
        HiddenSamples.of(ZoneHiding.hidden(List.of(zone), workoutId, track.lat, track.lng));
    return new Shown(
        hidden.remove(track.lat),
        hidden.remove(track.lng),
        hidden.removeRebased(track.time),
        hidden.removeRebased(track.distance));
  }

  /**
   * Out 2.5 km from home in a random direction, across to 2.5 km in another, and straight back: a
   * point every 3 m, one a second.
   */
  private static Track loopFromHome(Random random) {
    double out = 2 * Math.PI * random.nextDouble();
    double in = 2 * Math.PI * random.nextDouble();
    double[][] corners = {
      {0, 0},
      {2500 * Math.cos(out), 2500 * Math.sin(out)},
      {2500 * Math.cos(in), 2500 * Math.sin(in)},
      {0, 0}
    };
    List<double[]> points = new ArrayList<>();
    for (int leg = 0; leg < 3; leg++) {
      double[] a = corners[leg];
      double[] b = corners[leg + 1];
      int steps = Math.max(1, (int) (Math.hypot(b[0] - a[0], b[1] - a[1]) / 3));
      for (int s = 0; s < steps; s++) {
        double f = (double) s / steps;
        points.add(new double[] {a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])});
      }
    }
    points.add(corners[3]);
    int n = points.size();
    double[] lat = new double[n];
    double[] lng = new double[n];
    double[] time = new double[n];
    double[] distance = new double[n];
    for (int i = 0; i < n; i++) {
      lat[i] = HOME_LAT + points.get(i)[0] / METERS_PER_DEGREE;
      lng[i] =
          HOME_LNG + points.get(i)[1] / (METERS_PER_DEGREE * Math.cos(Math.toRadians(HOME_LAT)));
      time[i] = i;
      distance[i] =
          i == 0 ? 0 : distance[i - 1] + Geodesy.distance(lat[i - 1], lng[i - 1], lat[i], lng[i]);
    }
    return new Track(lat, lng, time, distance);
  }

  /** Metres north and east of home, measured as the production code measures. */
  private static double[] local(double lat, double lng) {
    double north =
        Math.signum(lat - HOME_LAT) * Geodesy.distance(HOME_LAT, HOME_LNG, lat, HOME_LNG);
    double east = Math.signum(lng - HOME_LNG) * Geodesy.distance(lat, HOME_LNG, lat, lng);
    return new double[] {north, east};
  }

  /** Least-squares circle through the points (Kåsa): x² + y² = 2ax + 2by + c; returns (a, b). */
  private static double[] fitCircleCentre(List<double[]> points) {
    double[][] m = new double[3][4];
    for (double[] p : points) {
      double[] row = {2 * p[0], 2 * p[1], 1};
      double rhs = p[0] * p[0] + p[1] * p[1];
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          m[i][j] += row[i] * row[j];
        }
        m[i][3] += row[i] * rhs;
      }
    }
    for (int col = 0; col < 3; col++) {
      for (int row = col + 1; row < 3; row++) {
        double factor = m[row][col] / m[col][col];
        for (int k = col; k < 4; k++) {
          m[row][k] -= factor * m[col][k];
        }
      }
    }
    double[] x = new double[3];
    for (int row = 2; row >= 0; row--) {
      double sum = m[row][3];
      for (int k = row + 1; k < 3; k++) {
        sum -= m[row][k] * x[k];
      }
      x[row] = sum / m[row][row];
    }
    return new double[] {x[0], x[1]};
  }
}
