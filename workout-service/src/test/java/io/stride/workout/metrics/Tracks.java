package io.stride.workout.metrics;

import io.stride.workout.metrics.Track.Channel;

/** Synthetic tracks for metric tests: one point per second unless said otherwise. */
final class Tracks {

  static final long START = 1_700_000_000_000L;

  private Tracks() {}

  /**
   * One point per second; {@code speeds[i]} is the speed (m/s) during second i, recorded as the
   * device's cumulative distance.
   */
  static Track withSpeeds(double... speeds) {
    Track.Builder track = Track.builder();
    double distance = 0;
    track.point(START).set(Channel.DISTANCE, 0);
    for (int i = 0; i < speeds.length; i++) {
      distance += speeds[i];
      track.point(START + (i + 1) * 1000L).set(Channel.DISTANCE, distance);
    }
    return track.build();
  }

  /** {@code seconds} seconds at a constant speed. */
  static double[] constant(double speed, int seconds) {
    double[] speeds = new double[seconds];
    java.util.Arrays.fill(speeds, speed);
    return speeds;
  }

  static double[] concat(double[]... parts) {
    int length = 0;
    for (double[] part : parts) {
      length += part.length;
    }
    double[] all = new double[length];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
