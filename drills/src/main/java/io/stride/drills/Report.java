package io.stride.drills;

import java.util.ArrayList;
import java.util.List;

/** The drills' printed numbers: one row per measurement, with its target when it has one. */
final class Report {

  private final List<String> rows = new ArrayList<>();
  private final List<String> misses = new ArrayList<>();

  void section(String title) {
    rows.add("");
    rows.add(title);
  }

  /** A number without a target. */
  void note(String what, String value) {
    rows.add(String.format("  %-64s %s", what, value));
  }

  /** A number held to a target: PASS or MISS. */
  void check(String what, String value, String target, boolean met) {
    rows.add(String.format("  %-64s %-30s %-22s %s", what, value, target, met ? "PASS" : "MISS"));
    if (!met) {
      misses.add(what + ": " + value + " (target " + target + ")");
    }
  }

  /** A drill that could not run to its end. */
  void failed(String drill, Exception cause) {
    rows.add("  " + drill + " did not complete: " + cause);
    misses.add(drill + " did not complete: " + cause);
  }

  List<String> misses() {
    return List.copyOf(misses);
  }

  void print() {
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println(
        misses.isEmpty()
            ? "All drills met their targets."
            : "Missed: " + String.join("; ", misses));
  }
}
