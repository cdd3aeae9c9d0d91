package io.stride.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What must never be in a log line: tokens, passwords and other secrets, email addresses, and
 * coordinates (where someone runs from is a workout's most private data). Scans every log file a
 * run of the platform wrote.
 */
final class LogLeaks {

  /** One line that gives something away; {@code excerpt} has the finding masked. */
  record Leak(String file, int line, String kind, String excerpt) {}

  private static final Map<String, Pattern> PATTERNS =
      Map.of(
          "a JWT",
          Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"),
          "a bearer token",
          Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{16,}"),
          "an email address",
          Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
          "a coordinate pair",
          Pattern.compile("-?\\b\\d{1,2}\\.\\d{4,}\\s*[,; ]\\s*-?\\d{1,3}\\.\\d{4,}\\b"),
          "a named coordinate",
          Pattern.compile(
              "(?i)\"?\\b(lat|lng|lon|latitude|longitude)\"?\\s*[:=]\\s*-?\\d{1,3}\\.\\d{3,}"));

  private LogLeaks() {}

  /** Every leak in the files under {@code logs}, plus any line holding one of {@code secrets}. */
  static List<Leak> in(Path logs, Collection<String> secrets) {
    List<Leak> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          for (String secret : secrets) {
            if (secret != null && secret.length() >= 8 && line.contains(secret)) {
              leaks.add(leak(file, i, "a secret or password", line.replace(secret, "«secret»")));
            }
          }
          for (Map.Entry<String, Pattern> pattern : PATTERNS.entrySet()) {
            Matcher matcher = pattern.getValue().matcher(line);
            if (matcher.find()) {
              leaks.add(
                  leak(
                      file, i, pattern.getKey(), matcher.replaceAll("«" + pattern.getKey() + "»")));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return leaks;
  }

  private static Leak leak(Path file, int index, String kind, String masked) {
    String excerpt = masked.length() > 300 ? masked.substring(0, 300) + "…" : masked;
    return new Leak(file.getFileName().toString(), index + 1, kind, excerpt);
  }
}
