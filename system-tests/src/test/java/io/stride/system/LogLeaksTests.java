package io.stride.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log scan finds what it is for, masks it in its report, and leaves ordinary lines alone. */
class LogLeaksTests {

  @TempDir Path logs;

  @Test
  void findsTokensSecretsEmailsAndCoordinatesAndMasksThem() throws Exception {
    Files.write(
        logs.resolve("auth-service.log"),
        List.of(
            "user ada@example.com signed in",
            "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345",
            "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl",
            "secret is s3cr3t-value-long",
            "first point 45.812345, 15.977123",
            "{\"lat\": 51.50712, \"lng\": -0.12753}"));
    List<LogLeaks.Leak> leaks = LogLeaks.in(logs, List.of("s3cr3t-value-long"));
    assertThat(leaks)
        .extracting(LogLeaks.Leak::kind)
        .contains(
            "an email address",
            "a bearer token",
            "a JWT",
            "a secret or password",
            "a coordinate pair",
            "a named coordinate");
    assertThat(leaks)
        .extracting(LogLeaks.Leak::excerpt)
        .noneMatch(excerpt -> excerpt.contains("ada@example.com"))
        .noneMatch(excerpt -> excerpt.contains("s3cr3t-value-long"))
        .noneMatch(excerpt -> excerpt.contains("45.812345"));
  }

  @Test
  void leavesOrdinaryLinesAlone() throws Exception {
    Files.write(
        logs.resolve("workout-service.log"),
        List.of(
            "Started WorkoutServiceApplication in 12.345 seconds (process running for 13.1)",
            "import 0b0c2f3e-8f4e-4c1a-9e8a-1234567890ab done in 84 ms, 3 laps, 10020.5 m",
            "HikariPool-1 - Start completed.",
            "traceId=4bf92f3577b34da6a3ce929d0e0e4736 spanId=00f067aa0ba902b7"));
    assertThat(LogLeaks.in(logs, List.of("correct horse battery staple"))).isEmpty();
  }
}
