package io.stride.workout.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.metrics.Track.Channel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElevationTests {

  @Test
  void gpsJitterOnFlatGroundIsNotClimbing() {
    Random noise = new Random(7);
    Track.Builder track = Track.builder();
    for (int i = 0; i < 3600; i++) {
      track.point(i * 1000L).set(Channel.ALTITUDE, 200 + noise.nextGaussian() * 1.5);
    }

    Elevation.Result result = of(track.build());

    assertThat(result.gain()).isLessThan(5);
    assertThat(result.loss()).isLessThan(5);
  }

  @Test
  void aSteadyNoisyClimbCountsAboutItsHeight() {
    Random noise = new Random(11);
    Track.Builder track = Track.builder();
    for (int i = 0; i <= 1800; i++) {
      track.point(i * 1000L).set(Channel.ALTITUDE, 100 + i / 6.0 + noise.nextGaussian());
    }

    Elevation.Result result = of(track.build());

    assertThat(result.gain()).isCloseTo(300, within(6.0));
    assertThat(result.loss()).isLessThan(3);
    assertThat(result.min()).isCloseTo(100, within(3.0));
    assertThat(result.max()).isCloseTo(400, within(3.0));
  }

  @Test
  void aTrackWithoutAltitudeHasNoElevationRatherThanZero() {
    Track track = Tracks.withSpeeds(Tracks.constant(3, 60));

    assertThat(Elevation.smoothed(track)).isNull();
    assertThat(Elevation.of(track, null)).isNull();
  }

  @Test
  void aClimbCountsUpToItsTopAndTheDescentFromThereNotFromTheLastTwoMetreStep() {
    // a minute at 100 m, up to 121.5 m at 0.1 m/s, a minute on top, back down, a minute at 100 m
    Track.Builder track = Track.builder();
    long t = 0;
    for (int i = 0; i < 60; i++, t += 1000) {
      track.point(t).set(Channel.ALTITUDE, 100);
    }
    for (double altitude = 100; altitude < 121.5; altitude += 0.1, t += 1000) {
      track.point(t).set(Channel.ALTITUDE, altitude);
    }
    for (int i = 0; i < 60; i++, t += 1000) {
      track.point(t).set(Channel.ALTITUDE, 121.5);
    }
    for (double altitude = 121.5; altitude > 100; altitude -= 0.1, t += 1000) {
      track.point(t).set(Channel.ALTITUDE, altitude);
    }
    for (int i = 0; i < 60; i++, t += 1000) {
      track.point(t).set(Channel.ALTITUDE, 100);
    }

    Elevation.Result result = of(track.build());

    // counted from the last 2 m step, as before, both would be 20 m
    assertThat(result.gain()).isCloseTo(21.5, within(0.2));
    assertThat(result.loss()).isCloseTo(21.5, within(0.2));
  }

  @Test
  void aShortDescentCountsInFullOnceItPassesTheThreshold() {
    Track.Builder track = Track.builder();
    for (int i = 0; i <= 120; i++) {
      track.point(i * 1000L).set(Channel.ALTITUDE, 250 - i * 0.03); // 3.6 m down in 2 minutes
    }

    Elevation.Result result = of(track.build());

    assertThat(result.gain()).isZero();
    assertThat(result.loss()).isCloseTo(3.6, within(0.4));
  }

  @Test
  void theAltitudeStepBetweenTwoSegmentsIsNeitherClimbNorDescent() {
    Track.Builder track = Track.builder();
    track.newSegment();
    for (int i = 0; i < 300; i++) {
      track.point(i * 1000L).set(Channel.ALTITUDE, 100);
    }
    track.newSegment(); // the second GPX track, recorded 40 m higher after a drive
    for (int i = 0; i < 300; i++) {
      track.point(3_600_000L + i * 1000L).set(Channel.ALTITUDE, 140 + i * 0.02);
    }

    Elevation.Result result = of(track.build());

    assertThat(result.gain())
        .as("only the 6 m climbed in the second segment")
        .isCloseTo(6, within(0.5));
    assertThat(result.loss()).isZero();
    assertThat(result.min()).isEqualTo(100);
  }

  private static Elevation.Result of(Track track) {
    return Elevation.of(track, Elevation.smoothed(track));
  }
}
