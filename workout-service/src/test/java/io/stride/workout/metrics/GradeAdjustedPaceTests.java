package io.stride.workout.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.stride.workout.metrics.Track.Channel;
import org.junit.jupiter.api.Test;

class GradeAdjustedPaceTests {

  /** One point per second at {@code speed} m/s on a constant {@code grade}, 600 s. */
  private static Track steady(double speed, double grade) {
    Track.Builder track = Track.builder();
    for (int i = 0; i <= 600; i++) {
      track
          .point(Tracks.START + i * 1000L)
          .set(Channel.DISTANCE, i * speed)
          .set(Channel.ALTITUDE, 100 + i * speed * grade);
    }
    return track.build();
  }

  private static Double gap(Track track, Sport sport) {
    return WorkoutMetrics.compute(track, sport, Athlete.UNKNOWN).gradeAdjustedSpeed();
  }

  @Test
  void onTheFlatTheGradeAdjustedSpeedIsTheSpeed() {
    assertThat(gap(steady(3, 0), Sport.RUN)).isCloseTo(3, within(1e-9));
  }

  @Test
  void aTenPercentClimbAt2point5MetresPerSecondCostsWhatAFlatRunAt4point1Does() {
    // Minetti: C(0.10) = 5.968 J/kg/m against 3.6 on the flat; the altitude's smoothing flattens
    // the first and last ten seconds a little
    assertThat(GradeAdjustedPace.cost(0.10)).isCloseTo(5.9682, within(1e-4));
    assertThat(gap(steady(2.5, 0.10), Sport.RUN))
        .isCloseTo(2.5 * 5.9682 / 3.6, withinPercentage(1.5));
  }

  @Test
  void aGentleDescentIsWorthALittleLessAndASteepOneMoreAgain() {
    double gentle = gap(steady(3, -0.10), Sport.TRAIL_RUN);
    double steep = gap(steady(3, -0.40), Sport.TRAIL_RUN);

    assertThat(gentle).isLessThan(3);
    assertThat(steep).isGreaterThan(gentle);
  }

  @Test
  void gradientsBeyondTheMeasuredRangeCountAsItsEdge() {
    assertThat(gap(steady(1, 0.80), Sport.HIKE))
        .isCloseTo(GradeAdjustedPace.cost(0.45) / 3.6, withinPercentage(1.5));
  }

  @Test
  void onlySportsOnFootWithAltitudeHaveOne() {
    assertThat(gap(steady(8, 0.05), Sport.RIDE)).isNull();
    assertThat(gap(Tracks.withSpeeds(Tracks.constant(3, 100)), Sport.RUN))
        .as("no altitude")
        .isNull();
  }
}
