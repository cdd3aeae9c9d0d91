package io.stride.workout.readings;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.workout.WorkoutTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class ReadingsIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;

  @Test
  void aRetriedBatchAndOverlappingSamplesAreStoredExactlyOnce() {
    UUID user = UUID.randomUUID();
    Instant start = Instant.parse("2026-05-01T08:00:00Z");

    Reply first = post(user, batch("watch-1", 1, heartRates(start, 0, 500)));
    Reply retry = post(user, batch("watch-1", 1, heartRates(start, 0, 500)));
    Reply overlapping = post(user, batch("watch-1", 2, heartRates(start, 400, 600)));
    Reply earlierBatchLate = post(user, batch("watch-1", 0, heartRates(start, 600, 700)));

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("stored").asInt()).isEqualTo(500);
    assertThat(retry.json().get("duplicateBatch").asBoolean()).isTrue();
    assertThat(retry.json().get("stored").asInt()).isZero();
    assertThat(overlapping.json().get("stored").asInt()).isEqualTo(100);
    assertThat(earlierBatchLate.json().get("stored").asInt()).isEqualTo(100);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.reading where user_id = ?", Long.class, user))
        .isEqualTo(700);
  }

  @Test
  void gzippedBatchesAreAccepted() throws IOException {
    UUID user = UUID.randomUUID();
    byte[] json =
        HttpJson.toJson(batch("ring", 7, heartRates(Instant.parse("2026-05-02T01:00:00Z"), 0, 300)))
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(json);
    }

    Reply reply =
        http.send(
            http.request("/api/v1/readings", device(user))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
                .build());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("stored").asInt()).isEqualTo(300);
  }

  @Test
  void aGzippedBodyThatInflatesBeyondTheCapIsRefusedNotRead() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write("{\"deviceId\":\"x\",\"batch\":1,\"samples\":[".getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 20; i++) {
        gzip.write(spaces);
      }
    }

    Reply reply =
        http.send(
            http.request("/api/v1/readings", device(UUID.randomUUID()))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
                .build());

    assertThat(zipped.size()).isLessThan(100_000);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aBatchWithBadSamplesIsRefusedWholeWithTheSamplesNamed() {
    UUID user = UUID.randomUUID();
    List<Map<String, Object>> samples =
        new ArrayList<>(heartRates(Instant.parse("2026-05-03T10:00:00Z"), 0, 10));
    samples.add(object("type", "heart_rate", "time", "2026-05-03T11:00:00Z", "value", 900));
    samples.add(object("type", "levitation", "time", "2026-05-03T11:00:00Z", "value", 1));
    samples.add(object("type", "gps", "time", "2026-05-03T11:00:00Z", "lat", 91, "lng", 0));

    Reply reply = post(user, batch("watch", 1, samples));
    Reply tooMany =
        post(user, batch("watch", 2, heartRates(Instant.parse("2026-05-03T12:00:00Z"), 0, 5001)));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("errors").toString())
        .contains("samples[10].value", "samples[11].type", "samples[12]");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.reading where user_id = ?", Long.class, user))
        .isZero();
  }

  @Test
  void dailyAggregatesUseTheAthletesTimeZoneAndDoNotAddUpTwoDevicesSteps() {
    UUID user = UUID.randomUUID();
    jdbc.update(
        "insert into workout.athlete (user_id, default_visibility, account_private, time_zone,"
            + " profile_version) values (?, 'PRIVATE', false, 'America/New_York', 1)",
        user);
    List<Map<String, Object>> watch = new ArrayList<>();
    List<Map<String, Object>> phone = new ArrayList<>();
    Instant localMorning = Instant.parse("2026-05-04T12:00:00Z"); // 08:00 in New York
    for (int i = 0; i < 10; i++) {
      watch.add(
          object(
              "type", "steps", "time", localMorning.plusSeconds(60L * i).toString(), "value", 100));
      phone.add(
          object(
              "type", "steps", "time", localMorning.plusSeconds(60L * i).toString(), "value", 90));
      watch.add(
          object(
              "type",
              "heart_rate",
              "time",
              localMorning.plusSeconds(60L * i).toString(),
              "value",
              50 + i));
    }
    // 01:00 UTC on the 5th is still the 4th in New York
    watch.add(object("type", "steps", "time", "2026-05-05T01:00:00Z", "value", 500));
    watch.add(object("type", "weight", "time", "2026-05-04T11:00:00Z", "value", 61.4));
    post(user, batch("watch", 1, watch));
    post(user, batch("phone", 1, phone));

    JsonNode days =
        http.get(
                "/api/v1/readings/daily?from=2026-05-04&to=2026-05-05",
                tokens.forUser(user, "workouts:read"))
            .json();

    assertThat(days.size()).isEqualTo(1);
    JsonNode day = days.get(0);
    assertThat(day.get("day").asString()).isEqualTo("2026-05-04");
    assertThat(day.get("steps").asLong()).isEqualTo(1500);
    assertThat(day.get("maxHeartRate").asLong()).isEqualTo(59);
    assertThat(day.get("restingHeartRate").asLong()).isEqualTo(50);
    assertThat(day.get("weightKg").asDouble()).isEqualTo(61.4);
  }

  @Test
  void aDaysReadingsAreSummarizedForOtherServicesOnceDueAndAgainOnlyWhenAFigureChanged() {
    UUID user = UUID.randomUUID();
    Instant morning = Instant.parse("2026-05-03T08:00:00Z");
    List<Map<String, Object>> first = heartRates(morning, 0, 100);
    first.add(object("type", "steps", "time", morning.toString(), "value", 120));
    try (TopicReader topic = new TopicReader(WorkoutTopics.READINGS.name())) {
      post(user, batch("watch", 1, first));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from workout.reading_day_due"
                      + " where user_id = ? and due_at > now() + interval '50 seconds'",
                  Long.class,
                  user))
          .as("due a minute later, so a tracker posting every few seconds is summarized once")
          .isEqualTo(1);

      summarizeDueDaysOf(user);

      List<JsonNode> told = summaries(topic, user, 1);
      assertThat(told).hasSize(1);
      JsonNode day = told.get(0).get("payload");
      assertThat(day.get("day").asString()).isEqualTo("2026-05-03");
      assertThat(day.get("restingHeartRate").asInt()).isEqualTo(65);
      assertThat(day.get("steps").asLong()).isEqualTo(120);

      post(user, batch("watch", 2, heartRates(morning, 0, 100)));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from workout.reading_day_due where user_id = ?",
                  Long.class,
                  user))
          .as("samples stored already change nothing")
          .isZero();
      post(
          user,
          batch(
              "scale",
              1,
              List.of(object("type", "weight", "time", morning.toString(), "value", 61.0))));
      summarizeDueDaysOf(user);
      post(
          user,
          batch(
              "watch",
              3,
              List.of(
                  object(
                      "type", "steps", "time", morning.plusSeconds(600).toString(), "value", 50))));
      summarizeDueDaysOf(user);

      told = summaries(topic, user, 2);
      assertThat(told).as("the weight changed neither figure: not told").hasSize(2);
      assertThat(told.get(1).get("payload").get("steps").asLong()).isEqualTo(170);
    }
  }

  @Autowired ReadingSummaries readingSummaries;

  /** The minute passes: the user's due days are due now, and a run summarizes them. */
  private void summarizeDueDaysOf(UUID user) {
    jdbc.update(
        "update workout.reading_day_due set due_at = now() - interval '1 second' where user_id = ?",
        user);
    readingSummaries.publishDue(500);
  }

  private static List<JsonNode> summaries(TopicReader topic, UUID user, int count) {
    return topic.await(r -> r.key().equals(user.toString()), count, Duration.ofSeconds(10)).stream()
        .map(r -> HttpJson.parse(r.value()))
        .toList();
  }

  @Test
  void onlyDeviceTokensPostReadings() {
    UUID user = UUID.randomUUID();
    Reply app =
        http.post(
            "/api/v1/readings",
            tokens.forUser(user, "workouts:write"),
            batch("x", 1, heartRates(Instant.parse("2026-05-01T00:00:00Z"), 0, 1)));
    Reply deviceReadsDaily =
        http.get("/api/v1/readings/daily?from=2026-05-01&to=2026-05-02", device(user));

    assertThat(app.status()).isEqualTo(403);
    assertThat(deviceReadsDaily.status()).isEqualTo(403);
  }

  private Reply post(UUID user, Object body) {
    return http.post("/api/v1/readings", device(user), body);
  }

  private static String device(UUID user) {
    return tokens.forUser(user, "readings:write");
  }

  static Map<String, Object> batch(String device, long number, List<Map<String, Object>> samples) {
    return object("deviceId", device, "batch", number, "samples", samples);
  }

  static List<Map<String, Object>> heartRates(Instant start, int from, int to) {
    List<Map<String, Object>> samples = new ArrayList<>();
    for (int i = from; i < to; i++) {
      samples.add(
          object(
              "type",
              "heart_rate",
              "time",
              start.plusSeconds(i).toString(),
              "value",
              60 + i % 100));
    }
    return samples;
  }
}
