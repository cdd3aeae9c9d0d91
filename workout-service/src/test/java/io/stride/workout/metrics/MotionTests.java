package io.stride.workout.metrics;

import static io.stride.workout.metrics.Tracks.concat;
import static io.stride.workout.metrics.Tracks.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.metrics.Track.Channel;
import org.junit.jupiter.api.Test;

class MotionTests {

  @Test
  void standingAtATrafficLightIsElapsedButNotMovingTime() {
    Track track = Tracks.withSpeeds(concat(constant(3, 400), constant(0, 120), constant(3, 480)));

    Motion motion = Motion.of(track, Sport.RUN);

    assertThat(motion.elapsedSeconds()).isEqualTo(1000);
    assertThat(motion.movingSeconds()).isEqualTo(880);
    assertThat(motion.totalDistance()).isCloseTo(2640, within(1e-9));
  }

  @Test
  void aSlowStrollCountsAsMovingForAWalkButNotAsRidingForARide() {
    Track track = Tracks.withSpeeds(constant(0.4, 100));

    assertThat(Motion.of(track, Sport.WALK).movingSeconds()).isEqualTo(100);
    assertThat(Motion.of(track, Sport.RIDE).movingSeconds()).isZero();
  }

  @Test
  void aLoadedTouringBikeClimbingAt3KmPerHourIsRiding() {
    Track track = Tracks.withSpeeds(constant(3 / 3.6, 100));

    assertThat(Motion.of(track, Sport.RIDE).movingSeconds()).isEqualTo(100);
    assertThat(Motion.of(track, Sport.MOUNTAIN_BIKE).movingSeconds()).isEqualTo(100);
  }

  @Test
  void theGapBetweenTwoSegmentsIsAPauseAndAddsNoDistance() {
    Track.Builder builder = Track.builder();
    builder.point(0).set(Channel.LATITUDE, 45).set(Channel.LONGITUDE, 5);
    builder.point(10_000).set(Channel.LATITUDE, 45.0003).set(Channel.LONGITUDE, 5);
    builder.newSegment();
    builder.point(610_000).set(Channel.LATITUDE, 45.1).set(Channel.LONGITUDE, 5);
    builder.point(620_000).set(Channel.LATITUDE, 45.1003).set(Channel.LONGITUDE, 5);

    Motion motion = Motion.of(builder.build(), Sport.RUN);

    assertThat(motion.totalDistance()).isCloseTo(2 * 33.34, within(0.05));
    assertThat(motion.movingSeconds()).isEqualTo(20);
    assertThat(motion.elapsedSeconds()).isEqualTo(620);
  }

  @Test
  void withoutAnyDistanceTimeCountsAsMovingUnlessTheDeviceStoppedRecording() {
    Track.Builder builder = Track.builder();
    for (int i = 0; i <= 60; i++) {
      builder.point(i * 5_000L).set(Channel.HEART_RATE, 120);
    }
    builder.point(60 * 5_000L + 600_000).set(Channel.HEART_RATE, 100);

    Motion motion = Motion.of(builder.build(), Sport.STRENGTH);

    assertThat(motion.hasDistance()).isFalse();
    assertThat(motion.movingSeconds()).isEqualTo(300);
    assertThat(motion.elapsedSeconds()).isEqualTo(900);
  }

  /** A hike at 1.2 m/s northwards, one position per second; {@code moved} changes some of them. */
  private static Track hike(int points, java.util.function.IntToDoubleFunction northOffsetMeters) {
    Track.Builder builder = Track.builder();
    for (int i = 0; i < points; i++) {
      double north = i * 1.2 + northOffsetMeters.applyAsDouble(i);
      builder
          .point(Tracks.START + i * 1000L)
          .set(Channel.LATITUDE, 46 + north / 111_132.0)
          .set(Channel.LONGITUDE, 7);
    }
    return builder.build();
  }

  @Test
  void aSingleGpsSpikeAddsNoDistance() {
    Track clean = hike(600, i -> 0);
    Track spiked = hike(600, i -> i == 300 ? 180 : 0);

    double cleanDistance = Motion.of(clean, Sport.HIKE).totalDistance();
    double spikedDistance = Motion.of(spiked, Sport.HIKE).totalDistance();

    assertThat(cleanDistance).isCloseTo(599 * 1.2, within(0.5));
    assertThat(spikedDistance).isCloseTo(cleanDistance, within(0.5));
  }

  @Test
  void aTrackThatStaysWhereItJumpedCountsOneGpsJumpAndASingleSpikeNone() {
    Track teleported = hike(600, i -> i >= 300 ? 5_000 : 0);
    Track spiked = hike(600, i -> i == 300 ? 180 : 0);

    assertThat(Motion.of(teleported, Sport.HIKE).gpsJumps()).isEqualTo(1);
    assertThat(Motion.of(spiked, Sport.HIKE).gpsJumps()).isZero();
    assertThat(Motion.of(hike(600, i -> 0), Sport.HIKE).gpsJumps()).isZero();
  }

  @Test
  void aTrackWithoutPositionsHasNoGpsJumpCount() {
    Track track = Tracks.withSpeeds(constant(3, 100));

    assertThat(Motion.of(track, Sport.RUN).gpsJumps()).isNull();
  }

  @Test
  void aWrongFirstPositionIsLeftBehindWithoutItsJump() {
    Track track = hike(600, i -> i == 0 ? -5_000 : 0);

    double distance = Motion.of(track, Sport.HIKE).totalDistance();

    // the first 1 + MAX_SPIKES_IN_A_ROW points are lost, the 5 km jump never counts
    assertThat(distance).isCloseTo((599 - 1 - Motion.MAX_SPIKES_IN_A_ROW) * 1.2, within(0.5));
  }

  @Test
  void whatIsFastForAHikeIsOrdinaryOnARide() {
    // 20 m/s: a descent on a bike, a spike on foot
    Track.Builder builder = Track.builder();
    for (int i = 0; i < 100; i++) {
      builder
          .point(Tracks.START + i * 1000L)
          .set(Channel.LATITUDE, 46 + i * 20 / 111_132.0)
          .set(Channel.LONGITUDE, 7);
    }
    Track track = builder.build();

    assertThat(Motion.of(track, Sport.RIDE).totalDistance()).isCloseTo(99 * 20, within(2.0));
    assertThat(Motion.of(track, Sport.HIKE).totalDistance()).isLessThan(99 * 20 / 2.0);
  }
}
