package io.stride.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk against a URL and reads throughput and latency percentiles from its report. */
final class Wrk {

  /** One wrk run's numbers; latencies in milliseconds. */
  record Result(
      double requestsPerSecond, double p50, double p90, double p99, long errors, long requests) {

    double goodPerSecond(double seconds) {
      return (requests - errors) / seconds;
    }
  }

  /**
   * wrk on the last CPU, one thread ({@code taskset}), so the load generator does not take its
   * turns on the cores of what it measures: on a small machine its scheduling otherwise shows up as
   * the platform's latency. {@code -Dbench.pinLoad=false} turns it off.
   */
  private static final List<String> PINNED = pinned();

  private Wrk() {}

  private static List<String> pinned() {
    int cpus = Runtime.getRuntime().availableProcessors();
    boolean wanted = Boolean.parseBoolean(System.getProperty("bench.pinLoad", "true"));
    if (!wanted || cpus < 2 || !java.nio.file.Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      return List.of();
    }
    return List.of("taskset", "-c", Integer.toString(cpus - 1));
  }

  /** How the load generator runs, for the report's header. */
  static String placement() {
    return PINNED.isEmpty() ? "wrk -t2, unpinned" : "wrk -t1 pinned to CPU " + PINNED.get(2);
  }

  static Result run(String url, int connections, int seconds, List<String> headers, Path luaScript)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(PINNED);
    command.addAll(
        List.of(
            "wrk",
            "-t" + (PINNED.isEmpty() ? 2 : 1),
            "-c" + connections,
            "-d" + seconds + "s",
            "--latency",
            "--timeout",
            "5s"));
    for (String header : headers) {
      command.add("-H");
      command.add(header);
    }
    if (luaScript != null) {
      command.add("-s");
      command.add(luaScript.toString());
    }
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    return parse(output);
  }

  static Path postScript(Path directory, String body, List<String> headers) throws IOException {
    StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = \"" + body + "\"\n");
    for (String header : headers) {
      String[] parts = header.split(":", 2);
      lua.append("wrk.headers[\"")
          .append(parts[0].trim())
          .append("\"] = \"")
          .append(parts[1].trim())
          .append("\"\n");
    }
    Path script = directory.resolve("post-" + Math.abs(body.hashCode()) + ".lua");
    Files.writeString(script, lua);
    return script;
  }

  /** A script that makes each connection pause a random 0..2×mean ms between requests. */
  static Path pacedScript(Path directory, long meanPauseMillis) throws IOException {
    Path script = directory.resolve("paced-" + meanPauseMillis + ".lua");
    Files.writeString(
        script, "function delay()\n  return math.random(0, " + (2 * meanPauseMillis) + ")\nend\n");
    return script;
  }

  static Result parse(String output) {
    double rps = number(output, "Requests/sec:\\s+([0-9.]+)");
    long requests = (long) number(output, "([0-9]+) requests in");
    long non2xx =
        output.contains("Non-2xx")
            ? (long) number(output, "Non-2xx or 3xx responses:\\s+([0-9]+)")
            : 0;
    long socketErrors = 0;
    Matcher errors =
        Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(output);
    if (errors.find()) {
      for (int i = 1; i <= 4; i++) {
        socketErrors += Long.parseLong(errors.group(i));
      }
    }
    return new Result(
        rps,
        latency(output, "50%"),
        latency(output, "90%"),
        latency(output, "99%"),
        non2xx + socketErrors,
        requests);
  }

  private static double latency(String output, String percentile) {
    Matcher matcher = Pattern.compile(percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + percentile + " latency in wrk output:\n" + output);
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000.0;
      case "s" -> value * 1000.0;
      default -> value;
    };
  }

  private static double number(String output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("cannot read " + regex + " from wrk output:\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }
}
