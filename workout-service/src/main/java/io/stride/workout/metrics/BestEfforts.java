package io.stride.workout.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The fastest contiguous stretch of each of the sport's effort distances (400 m … marathon for
 * runs, 5–40 km for rides), timed in elapsed time like a race: stopping at a light inside the
 * stretch counts. The stretch may start between two recorded points; its start time is interpolated
 * linearly. One pass per distance with two pointers: O(points).
 */
final class BestEfforts {

  /** A best effort: its name, distance, time, and where it lies in the activity. */
  record Effort(String name, double meters, double seconds, double startSecond) {}

  private BestEfforts() {}

  static List<Effort> of(Motion motion, Sport sport) {
    List<Effort> efforts = new ArrayList<>();
    if (!motion.hasDistance()) {
      return efforts;
    }
    for (Sport.EffortDistance target : sport.effortDistances()) {
      if (motion.totalDistance() < target.meters()) {
        break;
      }
      Effort best = fastest(motion, target);
      if (best != null) {
        efforts.add(best);
      }
    }
    return efforts;
  }

  private static Effort fastest(Motion motion, Sport.EffortDistance target) {
    double bestSeconds = Double.POSITIVE_INFINITY;
    double bestStart = 0;
    int start = 0;
    for (int end = 1; end < motion.size(); end++) {
      double endDistance = motion.distance(end);
      if (endDistance - motion.distance(0) < target.meters()) {
        continue;
      }
      // the latest point from which the remaining distance is still at least the target
      while (start + 1 < end && endDistance - motion.distance(start + 1) >= target.meters()) {
        start++;
      }
      double startDistance = endDistance - target.meters();
      double startSecond = timeAt(motion, start, startDistance);
      double seconds = motion.seconds(end) - startSecond;
      if (seconds > 0 && seconds < bestSeconds) {
        bestSeconds = seconds;
        bestStart = startSecond;
      }
    }
    return Double.isInfinite(bestSeconds)
        ? null
        : new Effort(target.name(), target.meters(), bestSeconds, bestStart);
  }

  /** Second at which distance {@code d} was reached, between point i and i+1. */
  private static double timeAt(Motion motion, int i, double d) {
    double d0 = motion.distance(i);
    double d1 = motion.distance(i + 1);
    double t0 = motion.seconds(i);
    double t1 = motion.seconds(i + 1);
    if (d1 <= d0) {
      return t1;
    }
    double fraction = Math.max(0, Math.min(1, (d - d0) / (d1 - d0)));
    return t0 + fraction * (t1 - t0);
  }
}
