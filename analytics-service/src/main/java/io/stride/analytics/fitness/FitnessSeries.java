package io.stride.analytics.fitness;

import java.time.LocalDate;

/** One value per day from {@code from}: the day's load, fitness, fatigue, form and ratio. */
public final class FitnessSeries {

  private final LocalDate from;
  private final double[] load;
  private final double[] fitness;
  private final double[] fatigue;
  private final Double[] ratio;

  FitnessSeries(LocalDate from, int days) {
    this.from = from;
    this.load = new double[days];
    this.fitness = new double[days];
    this.fatigue = new double[days];
    this.ratio = new Double[days];
  }

  void set(int index, double load, double fitness, double fatigue, Double ratio) {
    this.load[index] = load;
    this.fitness[index] = fitness;
    this.fatigue[index] = fatigue;
    this.ratio[index] = ratio;
  }

  public LocalDate from() {
    return from;
  }

  public int days() {
    return load.length;
  }

  public LocalDate day(int index) {
    return from.plusDays(index);
  }

  public double load(int index) {
    return load[index];
  }

  public double fitness(int index) {
    return fitness[index];
  }

  public double fatigue(int index) {
    return fatigue[index];
  }

  /** {@code fitness − fatigue}. */
  public double form(int index) {
    return fitness[index] - fatigue[index];
  }

  /** The acute:chronic workload ratio, null before 28 days of history. */
  public Double ratio(int index) {
    return ratio[index];
  }
}
