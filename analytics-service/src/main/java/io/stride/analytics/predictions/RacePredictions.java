package io.stride.analytics.predictions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Race predictions of docs/analytics.md, "Running estimates": from the athlete's best effort of the
 * last 180 days (the one of the highest VDOT among efforts of at least 3 km), each race up to ten
 * times its distance by Riegel ({@code T2 = T1 · (D2 / D1)^1.06}) and by VDOT; nothing from less.
 */
public final class RacePredictions {

  static final int WINDOW_DAYS = 180;
  static final double MINIMUM_METERS = 3000;
  static final double MAXIMUM_STRETCH = 10;
  static final double RIEGEL_EXPONENT = 1.06;

  /** The races predicted, by name and distance. */
  static final List<Race> RACES =
      List.of(
          new Race("5k", 5000),
          new Race("10k", 10000),
          new Race("half_marathon", 21097.5),
          new Race("marathon", 42195));

  record Race(String name, double meters) {}

  /**
   * One race's predicted time by both methods.
   *
   * @param riegelSeconds Riegel's endurance formula from the effort
   * @param vdotSeconds the time of the effort's VDOT at this distance
   */
  public record Prediction(
      String race, double distanceMeters, double riegelSeconds, double vdotSeconds) {}

  /**
   * @param basedOn the effort they come from; empty when there is none to predict from
   * @param vdot its VDOT, rounded to one decimal
   */
  public record Predictions(Optional<Effort> basedOn, Double vdot, List<Prediction> races) {}

  private RacePredictions() {}

  public static Predictions of(List<Effort> efforts, LocalDate today) {
    LocalDate since = today.minusDays(WINDOW_DAYS);
    Optional<Effort> best =
        efforts.stream()
            .filter(e -> !e.day().isBefore(since) && !e.day().isAfter(today))
            .filter(e -> e.distanceMeters() >= MINIMUM_METERS && e.elapsedSeconds() > 0)
            .max(Comparator.comparingDouble(Effort::vdot));
    if (best.isEmpty()) {
      return new Predictions(Optional.empty(), null, List.of());
    }
    Effort effort = best.get();
    double vdot = effort.vdot();
    List<Prediction> races = new ArrayList<>();
    for (Race race : RACES) {
      if (race.meters() > effort.distanceMeters() * MAXIMUM_STRETCH) {
        continue;
      }
      double riegel =
          effort.elapsedSeconds()
              * Math.pow(race.meters() / effort.distanceMeters(), RIEGEL_EXPONENT);
      races.add(
          new Prediction(
              race.name(),
              race.meters(),
              Math.round(riegel),
              Math.round(Vdot.secondsFor(vdot, race.meters()))));
    }
    return new Predictions(best, Math.round(vdot * 10) / 10.0, List.copyOf(races));
  }
}
