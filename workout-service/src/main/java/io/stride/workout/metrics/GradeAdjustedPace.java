package io.stride.workout.metrics;

/**
 * Grade-adjusted speed for sports on foot: the speed on flat ground that would have cost the same
 * energy. Each moving step's distance is weighted by Minetti's energy cost of running at its
 * gradient relative to the flat (Minetti et al., J Appl Physiol 93:1039, 2002: C(i) = 155.4 i⁵ −
 * 30.4 i⁴ − 43.3 i³ + 46.3 i² + 19.5 i + 3.6 J/kg/m, measured from −45 % to +45 %); the gradient
 * comes from the smoothed altitude ({@link Elevation#smoothed}) and is held inside that range. So a
 * climb counts for more than its distance and a gentle descent for a little less; steep descents
 * cost more again, as they do. Null for other sports, or without distance or altitude.
 */
final class GradeAdjustedPace {

  /** The measured range of Minetti's gradients. */
  static final double STEEPEST = 0.45;

  /** A step shorter than this (metres) has no meaningful gradient and counts as flat. */
  static final double SHORTEST_STEP = 1.0;

  private GradeAdjustedPace() {}

  static Double speed(Motion motion, double[] altitude, Sport sport) {
    if (sport.family() != Sport.Family.RUNNING && sport.family() != Sport.Family.ON_FOOT) {
      return null;
    }
    if (!motion.hasDistance() || altitude == null) {
      return null;
    }
    double flatEquivalent = 0;
    double seconds = 0;
    for (int i = 1; i < motion.size(); i++) {
      if (!motion.moving(i)) {
        continue;
      }
      double meters = motion.distance(i) - motion.distance(i - 1);
      double climb = altitude[i] - altitude[i - 1];
      double grade =
          meters < SHORTEST_STEP || Double.isNaN(climb)
              ? 0
              : Math.max(-STEEPEST, Math.min(STEEPEST, climb / meters));
      flatEquivalent += meters * cost(grade) / cost(0);
      seconds += motion.stepSeconds(i);
    }
    return seconds > 0 ? flatEquivalent / seconds : null;
  }

  /** Minetti's energy cost of running at gradient {@code i} (rise over run), J/kg/m. */
  static double cost(double i) {
    return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + 3.6;
  }
}
