package io.stride.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU seconds the stack's processes have used (Linux {@code /proc}), by what they are: each service
 * by its jar, PostgreSQL and Kafka, and the benchmark itself; two snapshots tell where a burst's
 * CPU went.
 */
final class CpuTimes {

  private static final Pattern JAR =
      Pattern.compile("([a-z]+(?:-service)?|gateway)-[0-9][^/]*-exec\\.jar");
  private static final double TICKS = 100.0; // USER_HZ on Linux

  private CpuTimes() {}

  static Map<String, Double> snapshot() {
    Map<String, Double> seconds = new TreeMap<>();
    long self = ProcessHandle.current().pid();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(
              p -> {
                try {
                  String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                  String what = what(cmdline, Long.parseLong(p.getFileName().toString()) == self);
                  if (what == null) {
                    return;
                  }
                  String stat = Files.readString(p.resolve("stat"));
                  String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                  // after the name: state is field 3, utime 14 and stime 15 (1-based)
                  double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
                  seconds.merge(what, used, Double::sum);
                } catch (IOException | RuntimeException gone) {
                  // the process ended between the listing and the read
                }
              });
    } catch (IOException e) {
      return Map.of();
    }
    return seconds;
  }

  /** What each process used between the snapshots, most first, as "name 1.2 s". */
  static String between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new TreeMap<>();
    after.forEach((what, s) -> used.put(what, s - before.getOrDefault(what, 0.0)));
    StringBuilder text = new StringBuilder();
    used.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .filter(e -> e.getValue() >= 0.05)
        .forEach(
            e ->
                text.append(text.length() == 0 ? "" : ", ")
                    .append(String.format("%s %.1f s", e.getKey(), e.getValue())));
    return text.toString();
  }

  private static String what(String cmdline, boolean self) {
    if (self) {
      return "benchmark";
    }
    Matcher jar = JAR.matcher(cmdline);
    if (jar.find()) {
      return jar.group(1);
    }
    if (cmdline.startsWith("postgres") || cmdline.contains("/bin/postgres")) {
      return "postgres";
    }
    if (cmdline.contains("kafka")) {
      return "kafka";
    }
    return null;
  }
}
