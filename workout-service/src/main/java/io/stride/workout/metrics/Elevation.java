package io.stride.workout.metrics;

import io.stride.workout.metrics.Track.Channel;

/**
 * Elevation gain and loss. GPS and even barometric altitude jitter by a metre or two from point to
 * point; summing raw differences overstates a flat run's climbing many times over. Two steps:
 *
 * <ol>
 *   <li>Smoothing: each altitude becomes the mean of the altitudes recorded within {@link
 *       #HALF_WINDOW_SECONDS} either side of it, inside its segment.
 *   <li>Hysteresis: a climb (or descent) is confirmed once the smoothed altitude has moved {@link
 *       #THRESHOLD_METERS} away from the last turning point, and then counts in full, from that
 *       turning point to the top (or bottom) it reaches before the profile turns by the threshold
 *       again; wobble below the threshold never counts.
 * </ol>
 *
 * Each segment is counted on its own: the altitude step between two segments (two GPX tracks, a
 * pause) was not walked, as distance does not count the gap either.
 *
 * <p>A track without altitude has no elevation figures (null), never 0.
 */
final class Elevation {

  static final double HALF_WINDOW_SECONDS = 10;
  static final double THRESHOLD_METERS = 2;

  record Result(double gain, double loss, double min, double max) {}

  private Elevation() {}

  /** Smoothed altitude per point (NaN where none), or null if the track has no altitude. */
  static double[] smoothed(Track track) {
    if (!track.has(Channel.ALTITUDE)) {
      return null;
    }
    int n = track.size();
    double[] raw = track.channel(Channel.ALTITUDE);
    double[] out = new double[n];
    long window = (long) (HALF_WINDOW_SECONDS * 1000);
    int from = 0;
    int to = 0;
    double sum = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      // window [from, to) holds the points of i's segment within ±window of i
      while (to < n
          && track.segment(to) == track.segment(i)
          && track.timeMillis(to) <= track.timeMillis(i) + window) {
        if (!Double.isNaN(raw[to])) {
          sum += raw[to];
          count++;
        }
        to++;
      }
      while (from < i
          && (track.segment(from) != track.segment(i)
              || track.timeMillis(from) < track.timeMillis(i) - window)) {
        if (!Double.isNaN(raw[from])) {
          sum -= raw[from];
          count--;
        }
        from++;
      }
      out[i] = Double.isNaN(raw[i]) || count == 0 ? Double.NaN : sum / count;
    }
    return out;
  }

  /**
   * Gain, loss, min and max of a smoothed profile, each segment of {@code track} on its own; null
   * if it holds no altitude.
   */
  static Result of(Track track, double[] smoothed) {
    return smoothed == null ? null : of(track, smoothed, 0, smoothed.length);
  }

  /** As {@link #of(Track, double[])}, over the points {@code from} (inclusive) to {@code to}. */
  static Result of(Track track, double[] smoothed, int from, int to) {
    if (smoothed == null) {
      return null;
    }
    Legs legs = new Legs();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean any = false;
    int segment = Integer.MIN_VALUE;
    for (int i = from; i < to; i++) {
      double altitude = smoothed[i];
      if (Double.isNaN(altitude)) {
        continue;
      }
      if (track.segment(i) != segment) {
        legs.finish(); // the step to the next segment was not walked
        segment = track.segment(i);
      }
      any = true;
      min = Math.min(min, altitude);
      max = Math.max(max, altitude);
      legs.add(altitude);
    }
    legs.finish();
    return any ? new Result(legs.gain, legs.loss, min, max) : null;
  }

  /**
   * Climbing and descent counted so far, and the segment under way: its last turning point, the
   * furthest altitude reached since in the current direction, and the direction once the threshold
   * has confirmed one.
   */
  private static final class Legs {
    double gain;
    double loss;
    private int direction; // 0 until confirmed, then +1 climbing or -1 descending
    private double turning = Double.NaN;
    private double lowest;
    private double highest;
    private double extreme;

    void add(double altitude) {
      if (Double.isNaN(turning)) {
        turning = altitude;
        lowest = altitude;
        highest = altitude;
        return;
      }
      if (direction == 0) {
        lowest = Math.min(lowest, altitude);
        highest = Math.max(highest, altitude);
        if (altitude - lowest >= THRESHOLD_METERS) {
          direction = 1;
          turning = lowest;
          extreme = altitude;
        } else if (highest - altitude >= THRESHOLD_METERS) {
          direction = -1;
          turning = highest;
          extreme = altitude;
        }
      } else if (direction > 0) {
        if (altitude > extreme) {
          extreme = altitude;
        } else if (extreme - altitude >= THRESHOLD_METERS) {
          gain += extreme - turning;
          turning = extreme;
          extreme = altitude;
          direction = -1;
        }
      } else if (altitude < extreme) {
        extreme = altitude;
      } else if (altitude - extreme >= THRESHOLD_METERS) {
        loss += turning - extreme;
        turning = extreme;
        extreme = altitude;
        direction = 1;
      }
    }

    /**
     * Counts the leg under way (confirmed, so it already spans the threshold) and ends the segment:
     * the next altitude starts a new one.
     */
    void finish() {
      if (direction > 0) {
        gain += extreme - turning;
      } else if (direction < 0) {
        loss += turning - extreme;
      }
      direction = 0;
      turning = Double.NaN;
    }
  }
}
