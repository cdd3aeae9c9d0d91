package io.stride.workout.metrics;

import io.stride.workout.metrics.ActivityMetrics.PauseEntry;
import io.stride.workout.metrics.ActivityMetrics.SegmentEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The stretches a device recorded without a pause, each with its own figures, and the pauses
 * between them. Segments are listed only when there are at least two (one segment is the whole
 * workout). A pause is every step across a segment boundary (the device was paused or a new GPX
 * segment began) and every gap longer than {@link Motion#MAX_STEP_SECONDS} inside one (an
 * auto-pause that wrote no event); standing still while recording is stopped time, not a pause.
 */
final class Segments {

  private Segments() {}

  static List<SegmentEntry> of(Track track, Motion motion, double[] altitude) {
    List<SegmentEntry> segments = new ArrayList<>();
    int n = track.size();
    if (n == 0 || track.segment(0) == track.segment(n - 1)) {
      return segments;
    }
    int from = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || track.segment(i) != track.segment(from)) {
        segments.add(segment(segments.size() + 1, motion, altitude, track, from, i));
        from = i;
      }
    }
    return segments;
  }

  private static SegmentEntry segment(
      int number, Motion motion, double[] altitude, Track track, int from, int to) {
    double moving = 0;
    for (int i = from + 1; i < to; i++) {
      if (motion.moving(i)) {
        moving += motion.stepSeconds(i);
      }
    }
    Elevation.Result elevation = Elevation.of(track, altitude, from, to);
    return new SegmentEntry(
        number,
        motion.seconds(from),
        motion.seconds(to - 1) - motion.seconds(from),
        moving,
        motion.hasDistance() ? motion.distance(to - 1) - motion.distance(from) : null,
        elevation == null ? null : elevation.gain(),
        elevation == null ? null : elevation.loss());
  }

  static List<PauseEntry> pauses(Motion motion) {
    List<PauseEntry> pauses = new ArrayList<>();
    for (int i = 1; i < motion.size(); i++) {
      if (!motion.recording(i) && motion.stepSeconds(i) > 0) {
        pauses.add(new PauseEntry(motion.seconds(i - 1), motion.stepSeconds(i)));
      }
    }
    return pauses;
  }
}
