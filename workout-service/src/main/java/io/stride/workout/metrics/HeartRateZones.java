package io.stride.workout.metrics;

import java.util.Arrays;

/**
 * Time in five heart-rate zones. With a resting heart rate the zones are fractions of the heart
 * rate reserve (Karvonen: rest + f × (max − rest)); without one, fractions of the maximum. Zone
 * boundaries at 60, 70, 80 and 90 %: Z1 recovery below 60 %, Z5 above 90 %. The maximum comes from
 * the profile, else 220 − age (Fox), else there are no zones: the highest heart rate of one workout
 * says little about the athlete's maximum.
 */
final class HeartRateZones {

  static final double[] BOUNDARIES = {0.6, 0.7, 0.8, 0.9};

  /** Lower bound in bpm of zones 2–5 and the seconds spent in each of the five zones. */
  record Result(int[] lowerBounds, double[] seconds) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Result r
          && Arrays.equals(lowerBounds, r.lowerBounds)
          && Arrays.equals(seconds, r.seconds);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(lowerBounds) + Arrays.hashCode(seconds);
    }

    @Override
    public String toString() {
      return "Zones" + Arrays.toString(lowerBounds) + Arrays.toString(seconds);
    }
  }

  private HeartRateZones() {}

  static int[] bounds(Athlete athlete) {
    Integer max = athlete.maxHeartRate();
    if (max == null && athlete.age() != null) {
      max = 220 - athlete.age();
    }
    if (max == null) {
      return null;
    }
    Integer rest = athlete.restingHeartRate();
    int base = rest != null && rest < max ? rest : 0;
    int[] bounds = new int[BOUNDARIES.length];
    for (int z = 0; z < BOUNDARIES.length; z++) {
      bounds[z] = (int) Math.round(base + BOUNDARIES[z] * (max - base));
    }
    return bounds;
  }

  static Result of(Motion motion, double[] heartRate, Athlete athlete) {
    int[] bounds = bounds(athlete);
    if (bounds == null || heartRate == null) {
      return null;
    }
    double[] seconds = new double[BOUNDARIES.length + 1];
    boolean any = false;
    for (int i = 1; i < motion.size(); i++) {
      double hr = heartRate[i - 1];
      if (Double.isNaN(hr) || !motion.recording(i)) {
        continue;
      }
      int zone = 0;
      while (zone < bounds.length && hr >= bounds[zone]) {
        zone++;
      }
      seconds[zone] += motion.stepSeconds(i);
      any = true;
    }
    return any ? new Result(bounds, seconds) : null;
  }
}
