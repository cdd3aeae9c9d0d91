package io.stride.platform.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.stride.contracts.region.RegionSettingsChanged;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Warming the region copy from region-service's read API: it retries while the API fails, takes
 * every region of the answer (ignoring the answer's fields the event does not have), and never
 * replaces a newer state the topic already delivered.
 */
class RegionReadApiWarmUpTests {

  private static final String ANSWER =
      """
      {"regions": [
        {"code": "DE", "name": "Germany", "country": "DE", "parent": null,
         "subdivisions": ["DE-BY"], "units": "metric", "locales": ["de-DE"],
         "defaultLocale": "de-DE", "currency": "EUR", "timeZones": ["Europe/Berlin"],
         "defaultTimeZone": "Europe/Berlin", "firstDayOfWeek": "MONDAY", "minimumAge": 16,
         "legal": {"consentVersion": "2026-01", "rawReadingRetentionDays": 365},
         "flags": {"leaderboards": true}, "formats": {"datePattern": "dd.MM.yy"},
         "version": 4, "revision": 4},
        {"code": "DE-BY", "name": "Bayern", "country": "DE", "parent": "DE",
         "subdivisions": [], "units": "metric", "locales": ["de-DE"],
         "defaultLocale": "de-DE", "currency": "EUR", "timeZones": ["Europe/Berlin"],
         "defaultTimeZone": "Europe/Berlin", "firstDayOfWeek": "MONDAY", "minimumAge": 16,
         "legal": {"consentVersion": "2026-01", "rawReadingRetentionDays": 365},
         "flags": {"leaderboards": false}, "formats": {"datePattern": "dd.MM.yy"},
         "version": 1, "revision": 5}
      ]}
      """;

  private final AtomicInteger calls = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void startApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/regions/settings",
        exchange -> {
          // region-service is starting: the first two calls fail
          boolean up = calls.incrementAndGet() > 2;
          byte[] body = (up ? ANSWER : "{}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(up ? 200 : 503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopApi() {
    server.stop(0);
  }

  @Test
  void theCopyIsWarmedOnceTheApiAnswersAndKeepsANewerStateFromTheTopic() {
    RegionSettingsCopy copy = new RegionSettingsCopy(Clock.systemUTC(), () -> false);
    copy.apply(bavaria(7, false)); // the topic was faster, and newer
    assertThat(copy.isLoaded()).as("one region from a topic not read whole yet").isFalse();
    RegionReadApiWarmUp warmUp =
        new RegionReadApiWarmUp(
            copy,
            new RegionsProperties(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/", Duration.ofMillis(50)));
    warmUp.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> copy.warmedAt() != null);
    } finally {
      warmUp.stop();
    }
    assertThat(calls.get()).as("two failures, then the answer").isEqualTo(3);
    assertThat(copy.isLoaded()).isTrue();
    assertThat(copy.revisions()).isEqualTo(Map.of("DE", 4L, "DE-BY", 7L));
    RegionSettingsChanged germany = copy.find("DE").orElseThrow();
    assertThat(germany.minimumAge()).isEqualTo(16);
    assertThat(germany.timeZones()).containsExactly("Europe/Berlin");
    assertThat(germany.enabled("leaderboards")).isTrue();
    assertThat(germany.enabled("heatmaps")).as("an unknown flag is off").isFalse();
    assertThat(copy.find("DE-BY").orElseThrow().minimumAge()).as("the topic's state").isEqualTo(13);
    assertThat(copy.knows("DE-BY")).isTrue();
    assertThat(copy.knows("FR")).isFalse();
  }

  @Test
  void anOlderOrRepeatedStateChangesNothingAndATopicReadWholeMakesTheCopyLoaded() {
    java.util.concurrent.atomic.AtomicBoolean readWhole =
        new java.util.concurrent.atomic.AtomicBoolean();
    RegionSettingsCopy copy = new RegionSettingsCopy(Clock.systemUTC(), readWhole::get);
    readWhole.set(true);
    assertThat(copy.isLoaded()).as("an empty topic read whole holds no region yet").isFalse();
    assertThat(copy.apply(bavaria(2, true))).isTrue();
    assertThat(copy.isLoaded()).isTrue();
    assertThat(copy.apply(bavaria(2, false))).as("the same revision again").isFalse();
    assertThat(copy.apply(bavaria(1, false))).as("an older one").isFalse();
    assertThat(copy.find("DE-BY").orElseThrow().enabled("leaderboards")).isTrue();
    assertThat(copy.apply(bavaria(3, false))).isTrue();
    assertThat(copy.find("DE-BY").orElseThrow().enabled("leaderboards")).isFalse();
  }

  private static RegionSettingsChanged bavaria(long revision, boolean leaderboards) {
    return new RegionSettingsChanged(
        "DE-BY",
        "Bayern",
        "DE",
        "DE",
        "metric",
        List.of("de-DE"),
        "de-DE",
        "EUR",
        List.of("Europe/Berlin"),
        "MONDAY",
        13,
        new RegionSettingsChanged.Legal("2026-01", 365),
        Map.of("leaderboards", leaderboards),
        revision);
  }
}
