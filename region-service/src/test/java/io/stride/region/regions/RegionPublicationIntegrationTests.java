package io.stride.region.regions;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.region.RegionTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * RegionSettingsChanged on the state topic (ADR 0024): the table and the topic agree, a change
 * publishes the region and every subdivision inheriting it once, and the read API gives services
 * everything at once to warm their copies with.
 */
@StrideIntegrationTest
class RegionPublicationIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();
  private static final String OPS = tokens.forClient("stride-ops", "regions:admin");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Set<String> AUSTRALIA = Set.of("AU", "AU-QLD", "AU-WA");

  @Autowired HttpJson http;
  @Autowired RegionDirectory directory;
  @Autowired RegionPublication publication;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyRegionIsOnTheStateTopicWithTheRevisionTheApiServesOnceTheServiceIsUp() {
    Map<String, Long> served = new HashMap<>();
    directory.all().forEach(entry -> served.put(entry.region().code(), entry.region().revision()));
    try (TopicReader reader = new TopicReader(RegionTopics.REGIONS.name())) {
      Map<String, Long> onTopic = new HashMap<>();
      await()
          .atMost(WAIT)
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    reader.await(
                        r -> served.containsKey(r.key()),
                        Integer.MAX_VALUE,
                        Duration.ofMillis(200))) {
                  JsonNode envelope = HttpJson.parse(record.value());
                  assertThat(envelope.get("type").asString()).isEqualTo("RegionSettingsChanged");
                  onTopic.merge(
                      record.key(), envelope.get("payload").get("revision").asLong(), Math::max);
                }
                return onTopic.keySet().containsAll(served.keySet());
              });
      // another test may have changed (and published) a region since the directory was read
      served.forEach(
          (code, revision) ->
              assertThat(onTopic.get(code)).as(code).isGreaterThanOrEqualTo(revision));
    }
  }

  @Test
  void aCountrysChangeIsPublishedForItAndEachSubdivisionInheritingItOnceAndAStaleRetryNever() {
    Map<String, Long> before = revisions(AUSTRALIA);
    int outboxBefore = outboxRows();
    String tag = http.get("/api/v1/regions/AU", null).header("ETag");
    Reply changed = patch("AU", tag, object("settings", object("minimumAge", 15)));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    int outboxAfterChange = outboxRows();
    assertThat(outboxAfterChange - outboxBefore)
        .as("one event for Australia and one for each of its two subdivisions")
        .isEqualTo(3);

    try (TopicReader reader = new TopicReader(RegionTopics.REGIONS.name())) {
      List<ConsumerRecord<String, String>> published =
          reader.await(
              record ->
                  AUSTRALIA.contains(record.key())
                      && payload(record).get("revision").asLong() == before.get(record.key()) + 1,
              AUSTRALIA.size(),
              WAIT);
      assertThat(published.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
          .isEqualTo(AUSTRALIA);
      for (ConsumerRecord<String, String> record : published) {
        JsonNode region = payload(record);
        assertThat(region.get("minimumAge").asInt()).as(record.key()).isEqualTo(15);
        assertThat(region.get("country").asString()).isEqualTo("AU");
        assertThat(region.get("timeZones").isArray()).isTrue();
      }
    }

    Reply stale = patch("AU", tag, object("settings", object("minimumAge", 18)));
    assertThat(stale.status()).isEqualTo(412);
    publication.publishUnpublished();
    assertThat(outboxRows()).as("nothing more to publish").isEqualTo(outboxAfterChange);
    assertThat(revisions(AUSTRALIA))
        .as("the API serves the revisions published")
        .isEqualTo(
            before.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue() + 1)));
  }

  @Test
  void concurrentChangesOfACountryAndItsSubdivisionLeaveTheTopicWithTheStateTheApiServes()
      throws Exception {
    for (int round = 0; round < 5; round++) {
      String spainTag = http.get("/api/v1/regions/ES", null).header("ETag");
      String cataloniaTag = http.get("/api/v1/regions/ES-CT", null).header("ETag");
      boolean heatmaps = round % 2 == 0;
      int age = 14 + round;
      var spain =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  patch(
                      "ES",
                      spainTag,
                      object("settings", object("flags", object("heatmaps", heatmaps)))));
      var catalonia =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> patch("ES-CT", cataloniaTag, object("settings", object("minimumAge", age))));
      assertThat(spain.get().status()).as(spain.get().body()).isEqualTo(200);
      // a country's change invalidates its subdivision's tag when it commits first
      assertThat(catalonia.get().status()).isIn(200, 412);
    }
    JsonNode served = http.get("/api/v1/regions/ES-CT", null).json();
    try (TopicReader reader = new TopicReader(RegionTopics.REGIONS.name())) {
      List<ConsumerRecord<String, String>> published =
          reader.await(
              record ->
                  record.key().equals("ES-CT")
                      && payload(record).get("revision").asLong()
                          == served.get("revision").asLong(),
              WAIT);
      assertThat(published).as("the state the API serves is on the topic").isNotEmpty();
      JsonNode newest = payload(published.get(published.size() - 1));
      assertThat(newest.get("minimumAge")).isEqualTo(served.get("minimumAge"));
      assertThat(newest.get("flags")).isEqualTo(served.get("flags"));
    }
  }

  @Test
  void theSettingsAnswerHoldsEveryRegionsEffectiveSettingsWithItsRevisionAndIsCacheable() {
    Reply all = http.get("/api/v1/regions/settings", null);
    assertThat(all.status()).isEqualTo(200);
    JsonNode regions = all.json().get("regions");
    assertThat(regions.size()).isEqualTo(directory.all().size());
    JsonNode bavaria = null;
    for (JsonNode region : regions) {
      if (region.get("code").asString().equals("DE-BY")) {
        bavaria = region;
      }
    }
    assertThat(bavaria).isNotNull();
    JsonNode single = http.get("/api/v1/regions/DE-BY", null).json();
    assertThat(bavaria).isEqualTo(single);
    assertThat(all.header("Cache-Control")).contains("public");
    Reply unchanged =
        http.send(
            http.request("/api/v1/regions/settings", null)
                .header("If-None-Match", all.header("ETag"))
                .GET()
                .build());
    assertThat(unchanged.status()).isEqualTo(304);
  }

  private Map<String, Long> revisions(Set<String> codes) {
    Map<String, Long> revisions = new HashMap<>();
    for (String code : codes) {
      revisions.put(
          code, http.get("/api/v1/regions/" + code, null).json().get("revision").asLong());
    }
    return revisions;
  }

  private int outboxRows() {
    return jdbc.queryForObject(
        "select count(*) from outbox_event where topic = ?",
        Integer.class,
        RegionTopics.REGIONS.name());
  }

  private static JsonNode payload(ConsumerRecord<String, String> record) {
    return HttpJson.parse(record.value()).get("payload");
  }

  private Reply patch(String code, String ifMatch, Map<String, Object> body) {
    return http.send(
        http.request("/api/v1/regions/" + code, OPS)
            .header("Content-Type", "application/json")
            .header("If-Match", ifMatch)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)))
            .build());
  }
}
