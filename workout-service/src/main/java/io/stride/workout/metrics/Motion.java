package io.stride.workout.metrics;

import io.stride.workout.metrics.Track.Channel;

/**
 * Where the athlete was along the way and when they were moving: cumulative distance per point and
 * whether each step (point i-1 to i) counts as moving time.
 *
 * <ul>
 *   <li>Distance: the device's own cumulative distance when it recorded one (wheel sensor, foot
 *       pod, its filtered GPS — what the athlete saw on the device); otherwise the sum of {@link
 *       Geodesy} steps between consecutive positions. Steps across a segment boundary (a pause) add
 *       nothing: where the athlete went while the device was not recording is unknown. A position
 *       that could only be reached faster than the sport allows ({@link
 *       Sport#fastestPlausibleMetersPerSecond}, plus {@link #GPS_ACCURACY_METERS}) is a GPS spike
 *       and is left out: the next step is measured from the last good position. After {@link
 *       #MAX_SPIKES_IN_A_ROW} such positions in a row the track has really moved on (or the last
 *       good one was the error): measuring resumes there, without the jump. Each such resumption is
 *       a GPS jump ({@link #gpsJumps()}), a fact other services check a workout's plausibility by.
 *   <li>Moving: a step inside a segment, no longer than {@link #MAX_STEP_SECONDS}, whose speed is
 *       at least the sport's stop threshold; without any distance information, every such step.
 * </ul>
 */
final class Motion {

  /** A gap longer than this between two points is a pause, whatever the distance. */
  static final double MAX_STEP_SECONDS = 60;

  /** What a consumer GPS position may be off by without being a spike. */
  static final double GPS_ACCURACY_METERS = 10;

  /** Positions in a row that may be left out as spikes before the track is believed again. */
  static final int MAX_SPIKES_IN_A_ROW = 10;

  private final Track track;
  private final double[] distance;
  private final boolean[] movingStep;
  private final boolean hasDistance;
  private final Integer gpsJumps;

  private Motion(
      Track track, double[] distance, boolean[] movingStep, boolean hasDistance, Integer gpsJumps) {
    this.track = track;
    this.distance = distance;
    this.movingStep = movingStep;
    this.hasDistance = hasDistance;
    this.gpsJumps = gpsJumps;
  }

  static Motion of(Track track, Sport sport) {
    int n = track.size();
    double[] distance = new double[n];
    boolean hasDistance;
    Integer jumps = null;
    if (track.has(Channel.DISTANCE)) {
      hasDistance = true;
      double[] device = track.channel(Channel.DISTANCE);
      double last = 0;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(device[i]) && device[i] >= last) {
          last = device[i];
        }
        distance[i] = last;
      }
    } else if (track.hasPosition()) {
      hasDistance = true;
      jumps = measureGpsSteps(track, sport, distance);
    } else {
      hasDistance = false;
    }
    boolean[] moving = new boolean[n];
    double threshold = sport.stoppedBelowMetersPerSecond();
    for (int i = 1; i < n; i++) {
      double seconds = (track.timeMillis(i) - track.timeMillis(i - 1)) / 1000.0;
      if (track.segment(i) != track.segment(i - 1) || seconds <= 0) {
        continue;
      }
      double speed = hasDistance ? (distance[i] - distance[i - 1]) / seconds : Double.NaN;
      moving[i] = hasDistance && threshold > 0 ? speed >= threshold : seconds <= MAX_STEP_SECONDS;
    }
    return new Motion(track, distance, moving, hasDistance, jumps);
  }

  /**
   * Cumulative GPS distance into {@code distance}, leaving spikes out (see the class comment).
   *
   * @return how often measuring resumed after a jump the sport cannot make
   */
  private static int measureGpsSteps(Track track, Sport sport, double[] distance) {
    double[] lat = track.channel(Channel.LATITUDE);
    double[] lon = track.channel(Channel.LONGITUDE);
    double fastest = sport.fastestPlausibleMetersPerSecond();
    int previous = -1;
    int spikesInARow = 0;
    int jumps = 0;
    double total = 0;
    for (int i = 0; i < track.size(); i++) {
      boolean positioned = !Double.isNaN(lat[i]) && !Double.isNaN(lon[i]);
      if (positioned) {
        if (previous >= 0 && track.segment(previous) == track.segment(i)) {
          double step = Geodesy.distance(lat[previous], lon[previous], lat[i], lon[i]);
          double seconds = (track.timeMillis(i) - track.timeMillis(previous)) / 1000.0;
          if (step > fastest * seconds + GPS_ACCURACY_METERS) {
            if (++spikesInARow <= MAX_SPIKES_IN_A_ROW) {
              distance[i] = Double.NaN; // a spike: placed between its neighbours below
              continue;
            }
            jumps++;
          } else {
            total += step;
          }
        }
        previous = i;
        spikesInARow = 0;
      }
      distance[i] = total;
    }
    placeSpikesBetweenTheirNeighbours(track, distance);
    return jumps;
  }

  /**
   * A left-out position's distance, by time, between the good positions before and after it, so
   * pace across it stays the pace of the way from one to the other.
   */
  private static void placeSpikesBetweenTheirNeighbours(Track track, double[] distance) {
    int i = 0;
    while (i < distance.length) {
      if (!Double.isNaN(distance[i])) {
        i++;
        continue;
      }
      int after = i;
      while (after < distance.length && Double.isNaN(distance[after])) {
        after++;
      }
      int before = i - 1; // a spike always follows a good position
      for (int k = i; k < after; k++) {
        if (after == distance.length) {
          distance[k] = distance[before];
        } else {
          double span = track.timeMillis(after) - track.timeMillis(before);
          double share = span <= 0 ? 0 : (track.timeMillis(k) - track.timeMillis(before)) / span;
          distance[k] = distance[before] + share * (distance[after] - distance[before]);
        }
      }
      i = after;
    }
  }

  int size() {
    return track.size();
  }

  /** GPS jumps the track made (see the class comment); null when it has no positions. */
  Integer gpsJumps() {
    return gpsJumps;
  }

  boolean hasDistance() {
    return hasDistance;
  }

  /** Cumulative distance at point i, metres (0 everywhere without distance information). */
  double distance(int i) {
    return distance[i];
  }

  double totalDistance() {
    return distance.length == 0 ? 0 : distance[distance.length - 1];
  }

  /** Seconds since the first point. */
  double seconds(int i) {
    return (track.timeMillis(i) - track.timeMillis(0)) / 1000.0;
  }

  double stepSeconds(int i) {
    return (track.timeMillis(i) - track.timeMillis(i - 1)) / 1000.0;
  }

  /** Whether the step from i-1 to i is moving time. */
  boolean moving(int i) {
    return movingStep[i];
  }

  /** Whether the step from i-1 to i lies inside a recording segment and is not a pause. */
  boolean recording(int i) {
    return track.segment(i) == track.segment(i - 1) && stepSeconds(i) <= MAX_STEP_SECONDS;
  }

  double elapsedSeconds() {
    return size() < 2 ? 0 : seconds(size() - 1);
  }

  double movingSeconds() {
    double total = 0;
    for (int i = 1; i < size(); i++) {
      if (movingStep[i]) {
        total += stepSeconds(i);
      }
    }
    return total;
  }
}
