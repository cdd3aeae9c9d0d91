package io.stride.workout.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The sports Stride knows, with what the metrics need to know about each: the speed under which the
 * athlete counts as stopped, the fastest speed a GPS step may show before it is a position error,
 * which best efforts are searched for, and the MET value used to estimate calories when the device
 * gives none (Compendium of Physical Activities, 2011).
 */
public enum Sport {
  RUN(Family.RUNNING, 0.5, 12.5, 9.8),
  TRAIL_RUN(Family.RUNNING, 0.5, 12.5, 9.0),
  WALK(Family.ON_FOOT, 0.3, 8, 3.5),
  HIKE(Family.ON_FOOT, 0.3, 8, 6.0),
  RIDE(Family.CYCLING, 0.6, 36, 7.5),
  MOUNTAIN_BIKE(Family.CYCLING, 0.5, 30, 8.5),
  INDOOR_RIDE(Family.INDOOR, 0.0, 36, 6.8),
  SWIM(Family.WATER, 0.1, 4, 7.0),
  ROWING(Family.WATER, 0.3, 8, 7.0),
  STRENGTH(Family.INDOOR, 0.0, 8, 5.0),
  YOGA(Family.INDOOR, 0.0, 8, 2.5),
  OTHER(Family.OTHER, 0.3, 60, 4.0);

  /** Sports whose best efforts are compared with each other. */
  public enum Family {
    RUNNING,
    ON_FOOT,
    CYCLING,
    WATER,
    INDOOR,
    OTHER
  }

  /** A named distance searched for as the fastest contiguous stretch of an activity. */
  public record EffortDistance(String name, double meters) {}

  private static final List<EffortDistance> RUNNING_EFFORTS =
      List.of(
          new EffortDistance("400m", 400),
          new EffortDistance("1k", 1000),
          new EffortDistance("1mile", 1609.344),
          new EffortDistance("5k", 5000),
          new EffortDistance("10k", 10000),
          new EffortDistance("half_marathon", 21097.5),
          new EffortDistance("marathon", 42195));

  private static final List<EffortDistance> CYCLING_EFFORTS =
      List.of(
          new EffortDistance("5k", 5000),
          new EffortDistance("10k", 10000),
          new EffortDistance("20k", 20000),
          new EffortDistance("40k", 40000));

  private final Family family;
  private final double stoppedBelowMetersPerSecond;
  private final double fastestPlausibleMetersPerSecond;
  private final double met;

  Sport(
      Family family,
      double stoppedBelowMetersPerSecond,
      double fastestPlausibleMetersPerSecond,
      double met) {
    this.family = family;
    this.stoppedBelowMetersPerSecond = stoppedBelowMetersPerSecond;
    this.fastestPlausibleMetersPerSecond = fastestPlausibleMetersPerSecond;
    this.met = met;
  }

  public Family family() {
    return family;
  }

  /** Below this speed (m/s) time does not count as moving; 0 = moving whenever recording. */
  public double stoppedBelowMetersPerSecond() {
    return stoppedBelowMetersPerSecond;
  }

  /**
   * Faster than this (m/s) between two GPS positions is a position error, not the athlete: a
   * sprinter's top speed for runs (45 km/h), 29 km/h on foot, a fast descent on a road bike (130
   * km/h), 2.5× the swimming world record; 216 km/h when the sport is unknown (faster than a car on
   * a motorway or a downhill skier, slower than any GPS jump).
   */
  public double fastestPlausibleMetersPerSecond() {
    return fastestPlausibleMetersPerSecond;
  }

  /** Metabolic equivalent used when calories must be estimated. */
  public double met() {
    return met;
  }

  /** Distances searched for best efforts: runs and outdoor rides; none for other sports. */
  public List<EffortDistance> effortDistances() {
    return switch (family) {
      case RUNNING -> RUNNING_EFFORTS;
      case CYCLING -> CYCLING_EFFORTS;
      default -> List.of();
    };
  }

  /** The API's name: {@code trail_run}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads an API name ({@code trail_run}, case-insensitive); null if unknown. */
  public static Sport fromApiName(String name) {
    if (name == null) {
      return null;
    }
    for (Sport sport : values()) {
      if (sport.name().equalsIgnoreCase(name.trim())) {
        return sport;
      }
    }
    return null;
  }
}
