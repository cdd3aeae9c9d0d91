package io.stride.workout.metrics;

/**
 * Calories when the device recorded none. With power, from the mechanical work: kcal ≈ kJ, since a
 * gross efficiency of about 24 % cancels the 4.184 kJ/kcal conversion. For runs with a distance,
 * about 1 kcal per kg per km. Otherwise MET × weight (kg) × moving hours, with the sport's MET
 * value ({@link Sport#met()}); 70 kg when the profile has no weight.
 */
final class Calories {

  private Calories() {}

  static int estimate(
      Sport sport, Athlete athlete, double movingSeconds, double meters, Double workKilojoules) {
    double weight = athlete.weightKg() != null ? athlete.weightKg() : Athlete.DEFAULT_WEIGHT_KG;
    if (workKilojoules != null && workKilojoules > 0) {
      return (int) Math.round(workKilojoules);
    }
    if (sport.family() == Sport.Family.RUNNING && meters > 0) {
      return (int) Math.round(weight * meters / 1000);
    }
    return (int) Math.round(sport.met() * weight * movingSeconds / 3600);
  }
}
