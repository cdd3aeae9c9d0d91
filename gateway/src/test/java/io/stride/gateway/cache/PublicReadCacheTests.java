package io.stride.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stride.gateway.edge.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

class PublicReadCacheTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final PublicReadCache cache =
      new PublicReadCache(
          new GatewayProperties.PublicReadCache(
              Duration.ofSeconds(1), 100, DataSize.ofKilobytes(256)),
          clock,
          new SimpleMeterRegistry());

  private static AnswerKey key(String route, String path) {
    return new AnswerKey(route, path, "", "", "");
  }

  private KeptAnswer answer(Duration freshness) {
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl("public, max-age=300");
    headers.setETag("\"v1\"");
    headers.set(HttpHeaders.VARY, "Origin, Accept-Encoding");
    return KeptAnswer.of("{}".getBytes(), headers, clock.instant(), freshness);
  }

  @Test
  void aKeptAnswerIsServedWhileFreshAndNotAMomentLonger() {
    cache.keep(key("region-service", "/api/v1/regions/DE"), answer(Duration.ofSeconds(1)));

    clock.advance(Duration.ofMillis(999));
    assertThat(cache.freshAnswer(key("region-service", "/api/v1/regions/DE"))).isPresent();

    clock.advance(Duration.ofMillis(1));
    assertThat(cache.freshAnswer(key("region-service", "/api/v1/regions/DE"))).isEmpty();
  }

  @Test
  void forgettingARouteDropsItsAnswersOnly() {
    cache.keep(key("region-service", "/api/v1/regions/DE"), answer(Duration.ofSeconds(1)));
    cache.keep(key("other-service", "/api/v1/other"), answer(Duration.ofSeconds(1)));

    cache.forgetRoute("region-service");

    assertThat(cache.freshAnswer(key("region-service", "/api/v1/regions/DE"))).isEmpty();
    assertThat(cache.freshAnswer(key("other-service", "/api/v1/other"))).isPresent();
  }

  @Test
  void aKeptAnswerCarriesOnlyWhatDescribesItAndTellsItsAge() {
    KeptAnswer kept = answer(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(3));
    HttpHeaders response = new HttpHeaders();
    response.set(HttpHeaders.VARY, "Origin");
    response.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);

    kept.writeHeaders(response, clock.instant(), true);

    assertThat(response.getETag()).isEqualTo("\"v1\"");
    assertThat(response.getCacheControl()).isEqualTo("public, max-age=300");
    assertThat(response.getVary()).containsExactly("Origin", "Accept-Encoding");
    assertThat(response.getFirst("Age")).isEqualTo("3");
    assertThat(kept.headers().containsHeader(HttpHeaders.SET_COOKIE)).isFalse();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
