package io.stride.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs hey at a fixed request rate (open loop), to read latency below saturation: a closed-loop
 * tool at full speed measures queueing on a saturated 2-core machine, not the cost of a hop.
 */
final class Hey {

  /** Latencies in milliseconds; {@code non200} counts every answer that was not 200. */
  record Result(double requestsPerSecond, double p50, double p90, double p99, long non200) {}

  private Hey() {}

  static Result run(
      String url, int workers, double perWorkerRate, int seconds, List<String> headers)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "hey",
                "-z",
                seconds + "s",
                "-c",
                Integer.toString(workers),
                "-q",
                Double.toString(perWorkerRate)));
    for (String header : headers) {
      command.add("-H");
      command.add(header);
    }
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("hey failed:\n" + output);
    }
    return parse(output);
  }

  static Result parse(String output) {
    long ok = 0;
    long all = 0;
    Matcher codes = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses").matcher(output);
    while (codes.find()) {
      long count = Long.parseLong(codes.group(2));
      all += count;
      if (codes.group(1).equals("200")) {
        ok += count;
      }
    }
    return new Result(
        number(output, "Requests/sec:\\s+([0-9.]+)"),
        seconds(output, "50%"),
        seconds(output, "90%"),
        seconds(output, "99%"),
        all - ok);
  }

  private static double seconds(String output, String percentile) {
    return number(output, percentile + " in ([0-9.]+) secs") * 1000.0;
  }

  private static double number(String output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("cannot read " + regex + " from hey output:\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }
}
