package io.stride.platform.regions;

import io.stride.contracts.region.RegionSettingsChanged;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warms the {@link RegionSettingsCopy} from region-service's read API ({@code GET
 * /api/v1/regions/settings}: every region's effective settings in one answer) once at start, in the
 * background, retrying with a growing pause while region-service is unreachable; the state topic
 * keeps the copy current after that.
 */
class RegionReadApiWarmUp implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RegionReadApiWarmUp.class);
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final RegionSettingsCopy copy;
  private final RegionsProperties properties;
  private final HttpClient http;
  private volatile Thread thread;
  private volatile boolean running;

  RegionReadApiWarmUp(RegionSettingsCopy copy, RegionsProperties properties) {
    this.copy = copy;
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public void start() {
    running = true;
    Thread warmUp = new Thread(this::warmUp, "region-copy-warm-up");
    warmUp.setDaemon(true);
    thread = warmUp;
    warmUp.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread warmUp = thread;
    if (warmUp != null) {
      warmUp.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void warmUp() {
    Duration pause = Duration.ofMillis(250);
    while (running) {
      try {
        List<RegionSettingsChanged> regions = fetch();
        regions.forEach(copy::apply);
        copy.warmed();
        log.info("Region copy warmed from {}: {} regions", properties.url(), regions.size());
        return;
      } catch (IOException | RuntimeException e) {
        log.warn(
            "Region settings not readable from {} ({}); the copy serves what it has, retrying in {}",
            properties.url(),
            e.toString(),
            pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      Duration doubled = pause.multipliedBy(2);
      pause =
          doubled.compareTo(properties.maxRetryPause()) > 0 ? properties.maxRetryPause() : doubled;
    }
  }

  private List<RegionSettingsChanged> fetch() throws IOException, InterruptedException {
    URI uri = URI.create(properties.url().replaceAll("/+$", "") + "/api/v1/regions/settings");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    return JSON.readValue(response.body(), AllRegionSettings.class).regions();
  }

  /** The answer's shape: its regions carry more fields than the event; those are ignored. */
  record AllRegionSettings(List<RegionSettingsChanged> regions) {}
}
