package io.stride.bench;

import java.util.List;

/** Nearest-rank percentiles of sorted samples. */
final class Percentile {

  private Percentile() {}

  /** The sample at share {@code p} (0–1) of {@code sorted}; NaN without samples. */
  static double of(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
  }
}
