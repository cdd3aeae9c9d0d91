package io.stride.workout.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.metrics.ActivityMetrics.PauseEntry;
import io.stride.workout.metrics.ActivityMetrics.SegmentEntry;
import io.stride.workout.metrics.Track.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTests {

  /** {@code seconds} points one second apart at 3 m/s from {@code start} s, climbing 0.1 m/s. */
  private static void stretch(Track.Builder track, int start, int seconds, double fromMeters) {
    for (int i = 0; i < seconds; i++) {
      track
          .point(Tracks.START + (start + i) * 1000L)
          .set(Channel.DISTANCE, fromMeters + i * 3)
          .set(Channel.ALTITUDE, 100 + (start + i) * 0.1);
    }
  }

  @Test
  void aTwoSegmentRunHasEachSegmentsFiguresAndThePauseBetweenThem() {
    Track.Builder builder = Track.builder();
    stretch(builder, 0, 601, 0); // 600 s, 1800 m
    builder.newSegment();
    stretch(builder, 1200, 301, 1800); // after a 599 s pause: 300 s, 900 m

    ActivityMetrics metrics = WorkoutMetrics.compute(builder.build(), Sport.RUN, Athlete.UNKNOWN);

    List<SegmentEntry> segments = metrics.segments();
    assertThat(segments).hasSize(2);
    assertThat(segments.get(0).distanceMeters()).isCloseTo(1800, within(1e-9));
    assertThat(segments.get(0).movingSeconds()).isEqualTo(600);
    assertThat(segments.get(1).number()).isEqualTo(2);
    assertThat(segments.get(1).startSecond()).isEqualTo(1200);
    assertThat(segments.get(1).elapsedSeconds()).isEqualTo(300);
    assertThat(segments.get(1).distanceMeters()).isCloseTo(900, within(1e-9));
    assertThat(segments.get(1).elevationGainMeters()).isCloseTo(30, within(2.0));
    assertThat(metrics.pauses()).containsExactly(new PauseEntry(600, 600));
  }

  @Test
  void oneSegmentListsNoSegmentsButALongGapInsideItIsAPause() {
    Track.Builder builder = Track.builder();
    stretch(builder, 0, 100, 0);
    stretch(builder, 400, 100, 297); // 301 s without a point: an auto-pause

    ActivityMetrics metrics = WorkoutMetrics.compute(builder.build(), Sport.RUN, Athlete.UNKNOWN);

    assertThat(metrics.segments()).isEmpty();
    assertThat(metrics.pauses()).containsExactly(new PauseEntry(99, 301));
  }
}
