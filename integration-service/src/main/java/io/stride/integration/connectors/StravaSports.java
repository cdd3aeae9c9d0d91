package io.stride.integration.connectors;

import java.util.Map;

/** Strava's sport types as Stride's sports (API names), and as TCX's three. */
final class StravaSports {

  private static final Map<String, String> STRIDE =
      Map.ofEntries(
          Map.entry("Run", "run"),
          Map.entry("VirtualRun", "run"),
          Map.entry("TrailRun", "trail_run"),
          Map.entry("Walk", "walk"),
          Map.entry("Hike", "hike"),
          Map.entry("Ride", "ride"),
          Map.entry("EBikeRide", "ride"),
          Map.entry("GravelRide", "ride"),
          Map.entry("Velomobile", "ride"),
          Map.entry("Handcycle", "ride"),
          Map.entry("MountainBikeRide", "mountain_bike"),
          Map.entry("EMountainBikeRide", "mountain_bike"),
          Map.entry("VirtualRide", "indoor_ride"),
          Map.entry("Swim", "swim"),
          Map.entry("Rowing", "rowing"),
          Map.entry("VirtualRow", "rowing"),
          Map.entry("WeightTraining", "strength"),
          Map.entry("Crossfit", "strength"),
          Map.entry("Yoga", "yoga"),
          Map.entry("Pilates", "yoga"));

  private StravaSports() {}

  /** Stride's API name of the sport; {@code other} for what Stride has no sport for. */
  static String stride(String sportType) {
    return sportType == null ? "other" : STRIDE.getOrDefault(sportType, "other");
  }

  /** TCX's {@code Sport} attribute: Running, Biking or Other. */
  static String tcx(String sportType) {
    String sport = stride(sportType);
    if (sport.endsWith("run")) {
      return "Running";
    }
    return sport.contains("ride") || sport.equals("mountain_bike") ? "Biking" : "Other";
  }
}
