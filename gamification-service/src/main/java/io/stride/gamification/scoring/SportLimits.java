package io.stride.gamification.scoring;

import java.util.Map;

/**
 * The documented points table and the human limits of each sport (ADR 0028). Points of a workout =
 * active minutes × {@code perMinute} + km × {@code perKilometer} + climb / 100 m × {@code
 * perHundredMetersClimbed}, rounded. The limits are a little above the world's best (Bolt's 12.4
 * m/s sprint, the 56 km/h hour record, the 2.4 m/s 50 m freestyle), so no real athlete is refused.
 *
 * @param fastestMetersPerSecond the fastest 5-second stretch a human can make; null = no check
 * @param fastestAverageMetersPerSecond the fastest average over a workout of at least 1 km
 */
record SportLimits(
    double perMinute,
    double perKilometer,
    double perHundredMetersClimbed,
    Double fastestMetersPerSecond,
    Double fastestAverageMetersPerSecond) {

  private static final SportLimits OTHER = new SportLimits(0.5, 0, 0, null, null);

  private static final Map<String, SportLimits> BY_SPORT =
      Map.ofEntries(
          Map.entry("run", new SportLimits(1.0, 2, 3, 12.5, 7.0)),
          Map.entry("trail_run", new SportLimits(1.0, 2, 3, 12.5, 7.0)),
          Map.entry("walk", new SportLimits(0.5, 1, 3, 8.0, 4.5)),
          Map.entry("hike", new SportLimits(0.6, 1, 4, 8.0, 4.5)),
          Map.entry("ride", new SportLimits(0.6, 0.4, 2, 36.0, 16.0)),
          Map.entry("mountain_bike", new SportLimits(0.6, 0.4, 2, 30.0, 12.0)),
          Map.entry("indoor_ride", new SportLimits(0.6, 0, 0, null, null)),
          Map.entry("swim", new SportLimits(1.2, 8, 0, 3.0, 2.5)),
          Map.entry("rowing", new SportLimits(0.8, 1, 0, 8.0, 6.5)),
          Map.entry("strength", new SportLimits(0.8, 0, 0, null, null)),
          Map.entry("yoga", new SportLimits(0.8, 0, 0, null, null)));

  static SportLimits of(String sport) {
    return BY_SPORT.getOrDefault(sport, OTHER);
  }
}
