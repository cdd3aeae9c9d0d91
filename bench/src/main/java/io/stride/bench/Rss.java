package io.stride.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resident memory of the process listening on a local port (Linux: ss and /proc). */
final class Rss {

  private static final Pattern PID = Pattern.compile("pid=(\\d+)");

  private Rss() {}

  /** Bytes, or -1 where it cannot be read. */
  static long ofPort(int port) {
    try {
      Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).start();
      String out = new String(ss.getInputStream().readAllBytes());
      ss.waitFor();
      Matcher pid = PID.matcher(out);
      if (!pid.find()) {
        return -1;
      }
      for (String line : Files.readAllLines(Path.of("/proc", pid.group(1), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
