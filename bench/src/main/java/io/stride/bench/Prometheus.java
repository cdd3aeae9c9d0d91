package io.stride.bench;

import java.util.Map;
import java.util.TreeMap;

/** A service's own view of a timer between two scrapes of its {@code /actuator/prometheus}. */
final class Prometheus {

  /**
   * Calls between the scrapes, their mean and the upper bound of the histogram bucket holding the
   * 99th percentile (NaN without calls).
   */
  record Timer(long count, double meanMillis, double p99Millis) {}

  private Prometheus() {}

  /** The timer {@code name} (seconds), its series whose labels contain {@code series} summed. */
  static Timer timer(String before, String after, String name, String series) {
    long count =
        Math.round(sum(after, name + "_count", series) - sum(before, name + "_count", series));
    double seconds = sum(after, name + "_sum", series) - sum(before, name + "_sum", series);
    Map<Double, Double> buckets = new TreeMap<>();
    buckets(after, name, series, buckets, 1);
    buckets(before, name, series, buckets, -1);
    double p99 = Double.NaN;
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (count > 0 && bucket.getValue() >= Math.ceil(count * 0.99)) {
        p99 = bucket.getKey() * 1000;
        break;
      }
    }
    return new Timer(count, count == 0 ? Double.NaN : seconds * 1000 / count, p99);
  }

  /** Adds {@code sign} × each cumulative bucket count, by its upper bound in seconds. */
  private static void buckets(
      String scrape, String name, String series, Map<Double, Double> into, int sign) {
    scrape
        .lines()
        .filter(line -> line.startsWith(name + "_bucket{") && line.contains(series))
        .forEach(
            line -> {
              int at = line.indexOf("le=\"") + 4;
              String le = line.substring(at, line.indexOf('"', at));
              double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
              into.merge(bound, sign * value(line), Double::sum);
            });
  }

  /** The sum of a metric's series whose labels contain {@code series}. */
  private static double sum(String scrape, String name, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(name + "{") && line.contains(series))
        .mapToDouble(Prometheus::value)
        .sum();
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
