package io.stride.workout.metrics;

import static io.stride.workout.metrics.Tracks.concat;
import static io.stride.workout.metrics.Tracks.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.metrics.Track.Channel;
import org.junit.jupiter.api.Test;

class WorkoutMetricsTests {

  @Test
  void averageSpeedIsOverMovingTimeAndMaximumIgnoresASingleGpsSpike() {
    double[] speeds =
        concat(constant(3, 300), constant(0, 100), constant(3, 299), new double[] {40});
    ActivityMetrics metrics =
        WorkoutMetrics.compute(Tracks.withSpeeds(speeds), Sport.RUN, Athlete.UNKNOWN);

    assertThat(metrics.elapsedSeconds()).isEqualTo(700);
    assertThat(metrics.movingSeconds()).isEqualTo(600);
    assertThat(metrics.averageSpeed()).isCloseTo(metrics.distanceMeters() / 600, within(1e-9));
    assertThat(metrics.maxSpeed()).isLessThan(11); // (4 × 3 + 40) / 5 s, not 40
  }

  @Test
  void heartRateAverageIsTimeWeightedAndIgnoresDroppedZeros() {
    Track.Builder builder = Track.builder();
    builder.point(0).set(Channel.HEART_RATE, 100);
    builder.point(30_000).set(Channel.HEART_RATE, 0); // strap lost contact
    builder.point(31_000).set(Channel.HEART_RATE, 160);
    builder.point(41_000).set(Channel.HEART_RATE, 160);

    ActivityMetrics metrics =
        WorkoutMetrics.compute(builder.build(), Sport.STRENGTH, Athlete.UNKNOWN);

    assertThat(metrics.averageHeartRate()).isCloseTo((100 * 30 + 160 * 10) / 40.0, within(1e-9));
    assertThat(metrics.maxHeartRate()).isEqualTo(160);
    assertThat(metrics.averageCadence()).isNull();
    assertThat(metrics.elevationGainMeters()).isNull();
  }

  @Test
  void caloriesAreEstimatedFromDistanceForRunsAndFromPowerForRides() {
    ActivityMetrics run =
        WorkoutMetrics.compute(
            Tracks.withSpeeds(constant(4, 2500)), Sport.RUN, new Athlete(60.0, null, null, null));
    assertThat(run.estimatedCalories()).isEqualTo(600); // 60 kg × 10 km

    Track.Builder ride = Track.builder();
    for (int i = 0; i <= 3600; i++) {
      ride.point(i * 1000L).set(Channel.POWER, 200).set(Channel.DISTANCE, i * 8.0);
    }
    ActivityMetrics metrics = WorkoutMetrics.compute(ride.build(), Sport.RIDE, Athlete.UNKNOWN);
    assertThat(metrics.averagePower()).isCloseTo(200, within(1e-9));
    assertThat(metrics.estimatedCalories()).isEqualTo(720); // 200 W × 1 h = 720 kJ
  }

  @Test
  void aGpsJumpOf180MetresInTwoSecondsOnAHikeIsNotItsMaximumSpeed() {
    Track.Builder builder = Track.builder();
    for (int i = 0; i < 1200; i++) {
      double north = i * 2 * 1.3 + (i == 600 ? 180 : 0); // a point every 2 s at 1.3 m/s
      builder
          .point(Tracks.START + i * 2000L)
          .set(Channel.LATITUDE, 46 + north / 111_132.0)
          .set(Channel.LONGITUDE, 7);
    }

    ActivityMetrics metrics = WorkoutMetrics.compute(builder.build(), Sport.HIKE, Athlete.UNKNOWN);

    assertThat(metrics.maxSpeed()).isCloseTo(1.3, within(0.05)); // not 126 km/h
    assertThat(metrics.distanceMeters()).isCloseTo(1199 * 2 * 1.3, within(1.0));
  }

  @Test
  void maxSpeedFollowsTheSensorsSpeedChannelWhenTheFileHasOne() {
    // GPS says a steady 8 m/s with one jump; the wheel sensor says 8 m/s with a 12 m/s sprint
    Track.Builder builder = Track.builder();
    for (int i = 0; i < 300; i++) {
      double north = i * 8 + (i == 100 ? 150 : 0);
      builder
          .point(Tracks.START + i * 1000L)
          .set(Channel.LATITUDE, 46 + north / 111_132.0)
          .set(Channel.LONGITUDE, 7)
          .set(Channel.SPEED, i >= 200 && i < 210 ? 12 : 8);
    }

    ActivityMetrics metrics = WorkoutMetrics.compute(builder.build(), Sport.RIDE, Athlete.UNKNOWN);

    assertThat(metrics.maxSpeed()).isCloseTo(12, within(1e-9));
  }
}
