package io.stride.analytics.predictions;

/**
 * Daniels and Gilbert's VDOT (Daniels 2014, "Daniels' Running Formula"): the oxygen cost of running
 * at a velocity, {@code VO2(v) = −4.60 + 0.182258 v + 0.000104 v²} (v in m/min), over the share of
 * VO2max that can be held for a duration, {@code %max(t) = 0.8 + 0.1894393 e^(−0.012778 t) +
 * 0.2989558 e^(−0.1932605 t)} (t in minutes).
 */
public final class Vdot {

  private Vdot() {}

  /** The VDOT of running {@code meters} in {@code seconds}. */
  public static double of(double meters, double seconds) {
    double minutes = seconds / 60;
    double velocity = meters / minutes;
    double cost = -4.60 + 0.182258 * velocity + 0.000104 * velocity * velocity;
    double share =
        0.8
            + 0.1894393 * Math.exp(-0.012778 * minutes)
            + 0.2989558 * Math.exp(-0.1932605 * minutes);
    return cost / share;
  }

  /** The time in seconds that {@code meters} take at {@code vdot} (bisection to 0.01 s). */
  public static double secondsFor(double vdot, double meters) {
    double fast = 60;
    double slow = 7 * 24 * 3600;
    while (slow - fast > 0.01) {
      double middle = (fast + slow) / 2;
      if (of(meters, middle) > vdot) {
        fast = middle;
      } else {
        slow = middle;
      }
    }
    return (fast + slow) / 2;
  }
}
