package io.stride.workout.importing.formats;

import io.stride.workout.activity.ParsedActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The laps of a TCX activity while they are read, and the device's totals made from them: the
 * {@code Lap} figures of the TrainingCenterDatabase schema and those of the ActivityExtension's
 * {@code LX} (average speed, cadence, power, steps). TCX has no session summary, so the totals are
 * the laps' sums, the largest of their maxima, and their averages weighted by each lap's timer
 * time.
 */
final class TcxLaps {

  /** Lap-level elements whose text is a number. */
  static final Set<String> NUMBERS =
      Set.of(
          "TotalTimeSeconds",
          "DistanceMeters",
          "Calories",
          "MaximumSpeed",
          "Cadence",
          "AvgSpeed",
          "AvgRunCadence",
          "MaxRunCadence",
          "MaxBikeCadence",
          "Steps",
          "AvgWatts",
          "MaxWatts");

  /** Lap-level elements whose number is inside a {@code Value}. */
  static final Set<String> VALUES = Set.of("AverageHeartRateBpm", "MaximumHeartRateBpm");

  private static final double KILOMETRES_PER_HOUR = 1000 / 3600.0;

  private final List<Draft> laps = new ArrayList<>();

  void start(Instant startTime) {
    laps.add(new Draft(startTime));
  }

  int count() {
    return laps.size();
  }

  /** Sets a figure of the lap being read; figures outside a lap are ignored. */
  void set(String element, double value) {
    if (!laps.isEmpty() && !Double.isNaN(value)) {
      laps.get(laps.size() - 1).set(element, value);
    }
  }

  List<ParsedActivity.Lap> laps() {
    return laps.stream().map(Draft::toLap).toList();
  }

  /**
   * The device's totals.
   *
   * @param speedsInKilometresPerHour Polar Flow writes {@code MaximumSpeed} in km/h though the
   *     schema says metres per second (its 1 km laps of a steady run give maxima 4.4 times their
   *     average speed as m/s, 1.2 times as km/h)
   */
  ParsedActivity.DeviceTotals totals(boolean speedsInKilometresPerHour) {
    if (laps.isEmpty()) {
      return ParsedActivity.DeviceTotals.NONE;
    }
    Double time = sum(d -> d.seconds);
    Double distance = sum(d -> d.meters);
    Double calories = sum(d -> d.calories);
    Double steps = sum(d -> d.steps);
    Double maxSpeed = max(d -> d.maxSpeed);
    if (maxSpeed != null && speedsInKilometresPerHour) {
      maxSpeed *= KILOMETRES_PER_HOUR;
    }
    return new ParsedActivity.DeviceTotals(
        null,
        time,
        distance,
        null,
        null,
        round(calories),
        round(weighted(d -> d.averageHeartRate)),
        round(max(d -> d.maxHeartRate)),
        time != null && distance != null && time > 0
            ? Double.valueOf(distance / time)
            : weighted(d -> d.averageSpeed),
        maxSpeed,
        round(weighted(d -> d.averageCadence)),
        round(max(d -> d.maxCadence)),
        round(weighted(d -> d.averagePower)),
        round(max(d -> d.maxPower)),
        null,
        null,
        // TCX counts steps, both feet; strides are one foot's, like cadence
        steps == null ? null : Math.round(steps / 2),
        null,
        null);
  }

  private Double sum(Function<Draft, Double> figure) {
    double total = 0;
    boolean any = false;
    for (Draft lap : laps) {
      Double value = figure.apply(lap);
      if (value != null) {
        total += value;
        any = true;
      }
    }
    return any ? total : null;
  }

  private Double max(Function<Draft, Double> figure) {
    return laps.stream().map(figure).filter(Objects::nonNull).max(Double::compare).orElse(null);
  }

  /** The laps' average of a figure, each lap weighted by its timer time (equally without one). */
  private Double weighted(Function<Draft, Double> figure) {
    double total = 0;
    double weights = 0;
    for (Draft lap : laps) {
      Double value = figure.apply(lap);
      if (value != null && value > 0) {
        double weight = lap.seconds != null && lap.seconds > 0 ? lap.seconds : 1;
        total += value * weight;
        weights += weight;
      }
    }
    return weights > 0 ? total / weights : null;
  }

  private static Integer round(Double value) {
    return value == null ? null : (int) Math.round(value);
  }

  /** A lap while its figures are read. */
  private static final class Draft {
    final Instant start;
    Double seconds;
    Double meters;
    Double calories;
    Double averageHeartRate;
    Double maxHeartRate;
    Double averageSpeed;
    Double maxSpeed;
    Double averageCadence;
    Double maxCadence;
    Double averagePower;
    Double maxPower;
    Double steps;

    Draft(Instant start) {
      this.start = start;
    }

    void set(String element, double value) {
      switch (element) {
        case "TotalTimeSeconds" -> seconds = value;
        case "DistanceMeters" -> meters = value;
        case "Calories" -> calories = value;
        case "AverageHeartRateBpm" -> averageHeartRate = value;
        case "MaximumHeartRateBpm" -> maxHeartRate = value;
        case "AvgSpeed" -> averageSpeed = value;
        case "MaximumSpeed" -> maxSpeed = value;
        case "Cadence", "AvgRunCadence" -> averageCadence = value;
        case "MaxBikeCadence", "MaxRunCadence" -> maxCadence = value;
        case "AvgWatts" -> averagePower = value;
        case "MaxWatts" -> maxPower = value;
        case "Steps" -> steps = value;
        default -> throw new IllegalArgumentException("Not a lap figure: " + element);
      }
    }

    ParsedActivity.Lap toLap() {
      return new ParsedActivity.Lap(
          start,
          seconds,
          seconds,
          meters,
          calories == null ? null : (int) Math.round(calories),
          averageHeartRate == null ? null : (int) Math.round(averageHeartRate),
          maxHeartRate == null ? null : (int) Math.round(maxHeartRate));
    }
  }
}
