package io.stride.analytics.fitness;

/** How the model's numbers are shown: one decimal, ratios two. */
final class Rounding {

  private Rounding() {}

  static double tenth(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static Double hundredth(Double value) {
    return value == null ? null : Math.round(value * 100) / 100.0;
  }
}
