package io.stride.workout.metrics;

import io.stride.workout.metrics.Track.Channel;

/**
 * Elevation gain and loss. GPS and even barometric altitude jitter by a metre or two from point to
 * point; summing raw differences overstates a flat run's climbing many times over. Two steps:
 *
 * <ol>
 *   <li>Smoothing: each altitude becomes the mean of the altitudes recorded within {@link
 *       #HALF_WINDOW_SECONDS} either side of it, inside its segment.
 *   <li>Hysteresis: climbing is counted only once the smoothed altitude has moved {@link
 *       #THRESHOLD_METERS} away from the last turning point, so wobble below that never counts.
 * </ol>
 *
 * A track without altitude has no elevation figures (null), never 0.
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

  /** Gain, loss, min and max of a smoothed profile; null if it holds no altitude. */
  static Result of(double[] smoothed) {
    if (smoothed == null) {
      return null;
    }
    double gain = 0;
    double loss = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double anchor = Double.NaN;
    for (double altitude : smoothed) {
      if (Double.isNaN(altitude)) {
        continue;
      }
      min = Math.min(min, altitude);
      max = Math.max(max, altitude);
      if (Double.isNaN(anchor)) {
        anchor = altitude;
      } else if (altitude - anchor >= THRESHOLD_METERS) {
        gain += altitude - anchor;
        anchor = altitude;
      } else if (anchor - altitude >= THRESHOLD_METERS) {
        loss += anchor - altitude;
        anchor = altitude;
      }
    }
    return Double.isNaN(anchor) ? null : new Result(gain, loss, min, max);
  }
}
