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
  void walkingPaceCountsAsMovingForAWalkButNotAsRidingForARide() {
    Track track = Tracks.withSpeeds(constant(0.8, 100));

    assertThat(Motion.of(track, Sport.WALK).movingSeconds()).isEqualTo(100);
    assertThat(Motion.of(track, Sport.RIDE).movingSeconds()).isZero();
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
}
