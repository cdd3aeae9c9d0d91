package io.stride.workout.importing;

import static io.stride.workout.importing.ImportUploads.fixture;
import static io.stride.workout.importing.ImportUploads.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class ImportIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired JdbcTemplate jdbc;
  @Autowired MetricsUpgrade metricsUpgrade;
  @Autowired HttpJson http;
  @Autowired MeterRegistry meters;

  private ImportUploads uploads;

  @BeforeEach
  void uploads() {
    uploads = new ImportUploads(http);
  }

  @Test
  void aGpxFileBecomesAWorkoutWithMetricsStreamsAndItsOriginalKept() {
    UUID athlete = UUID.randomUUID();
    double imported = count("stride.workout.imports", "format", "gpx", "outcome", "done");
    double recorded = count("stride.workout.recorded", "sport", "hike", "source", "file");

    Reply accepted =
        uploads.upload(athlete, "cerknicko.gpx", fixture("gpxpy_cerknicko-jezero.gpx"), "hike");

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().get("status").asString()).isIn("queued", "processing", "done");
    JsonNode done = uploads.awaitOutcome(athlete, accepted);
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
    assertThat(done.get("format").asString()).isEqualTo("gpx");
    assertThat(count("stride.workout.imports", "format", "gpx", "outcome", "done"))
        .as("imports by format and outcome, for the business dashboard")
        .isEqualTo(imported + 1);
    assertThat(count("stride.workout.recorded", "sport", "hike", "source", "file"))
        .isEqualTo(recorded + 1);

    JsonNode workout =
        http.get("/api/v1/workouts/" + done.get("workoutId").asString(), reader(athlete)).json();
    assertThat(workout.get("sport").asString()).isEqualTo("hike");
    assertThat(workout.get("source").asString()).isEqualTo("file");
    assertThat(workout.get("distanceMeters").asDouble()).isPositive();
    assertThat(workout.get("elevationGainMeters").isNull()).isFalse();
    assertThat(workout.get("metrics").get("splitsKilometre").size()).isPositive();
    assertThat(workout.get("caloriesSource").asString()).isEqualTo("estimated");
    assertThat(workout.get("deviceName").asString())
        .as("a GPX names the app that wrote it")
        .isEqualTo("GPSBabel - http://www.gpsbabel.org");

    JsonNode streams =
        http.get(
                "/api/v1/workouts/"
                    + workout.get("id").asString()
                    + "/streams?types=lat,lng,altitude,distance&resolution=low",
                reader(athlete))
            .json();
    int points = streams.get("pointCount").asInt();
    assertThat(points).isBetween(2, 100);
    assertThat(streams.get("streams").get("time").size()).isEqualTo(points);
    assertThat(streams.get("streams").get("lat").size()).isEqualTo(points);
    assertThat(streams.get("streams").get("altitude").size()).isEqualTo(points);
    assertThat(
            jdbc.queryForObject(
                "select length(content) from workout.workout_import_file where import_id = ?",
                Integer.class,
                UUID.fromString(done.get("id").asString())))
        .isEqualTo(fixture("gpxpy_cerknicko-jezero.gpx").length);
  }

  @Test
  void anIndoorRideWithoutAnyPositionImportsWithItsDeviceTotals() throws Exception {
    UUID athlete = UUID.randomUUID();
    byte[] fit = IndoorFitFiles.indoorRide(Instant.parse("2026-02-03T18:00:00Z"), 1800);

    JsonNode done =
        uploads.awaitOutcome(athlete, uploads.upload(athlete, "trainer.fit", fit, null));

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
    JsonNode workout =
        http.get("/api/v1/workouts/" + done.get("workoutId").asString(), reader(athlete)).json();
    assertThat(workout.get("sport").asString()).isEqualTo("indoor_ride");
    assertThat(workout.get("distanceMeters").asDouble()).isEqualTo(14400.0);
    assertThat(workout.get("movingSeconds").asInt()).isEqualTo(1800);
    assertThat(workout.get("calories").asInt()).isEqualTo(360);
    assertThat(workout.get("caloriesSource").asString()).isEqualTo("device");
    assertThat(workout.get("deviceName").asString()).isEqualTo("Development product 1");
    assertThat(workout.get("deviceTotals").get("distanceMeters").asDouble()).isEqualTo(14400.0);
    assertThat(workout.get("metrics").get("averagePower").asDouble()).isEqualTo(200.0);
    JsonNode streams =
        http.get("/api/v1/workouts/" + workout.get("id").asString() + "/streams", reader(athlete))
            .json()
            .get("streams");
    assertThat(streams.has("lat")).isFalse();
    assertThat(streams.has("power")).isTrue();
  }

  @Test
  void theSameFileTwiceIsADuplicateOfTheFirstWorkout() {
    UUID athlete = UUID.randomUUID();
    byte[] file = fixture("fitparse_garmin-fenix-5-run.fit");

    JsonNode first = uploads.awaitOutcome(athlete, uploads.upload(athlete, "run.fit", file, null));
    JsonNode second =
        uploads.awaitOutcome(athlete, uploads.upload(athlete, "run-again.fit", file, null));

    assertThat(first.get("status").asString()).isEqualTo("done");
    assertThat(second.get("status").asString()).isEqualTo("duplicate");
    assertThat(second.get("workoutId").asString()).isEqualTo(first.get("workoutId").asString());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.workout where owner_id = ?", Long.class, athlete))
        .isEqualTo(1);
  }

  @Test
  void theSameActivityFromAnotherSourceIsLinkedNotCountedTwice() {
    UUID athlete = UUID.randomUUID();
    JsonNode fromFit =
        uploads.awaitOutcome(
            athlete,
            uploads.upload(athlete, "run.fit", fixture("fitparse_garmin-fenix-5-run.fit"), null));
    JsonNode workout =
        http.get("/api/v1/workouts/" + fromFit.get("workoutId").asString(), reader(athlete)).json();
    JsonNode streams =
        http.get(
                "/api/v1/workouts/"
                    + workout.get("id").asString()
                    + "/streams?types=lat,lng&resolution=high",
                reader(athlete))
            .json();

    byte[] sameRunAsGpx =
        toGpx(Instant.parse(workout.get("startTime").asString()), streams.get("streams"));
    JsonNode fromGpx =
        uploads.awaitOutcome(athlete, uploads.upload(athlete, "export.gpx", sameRunAsGpx, null));

    assertThat(fromGpx.get("status").asString()).as(fromGpx.toString()).isEqualTo("duplicate");
    assertThat(fromGpx.get("workoutId").asString()).isEqualTo(workout.get("id").asString());
  }

  @Test
  void hostileAndBrokenFilesFailWithAReasonAndNothingIsLeftHalfDone() {
    UUID athlete = UUID.randomUUID();
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<gpx><trk><name>&x;</name></trk></gpx>";
    byte[] fit = fixture("fitparse_garmin-fenix-5-run.fit");
    byte[] badCrc = fit.clone();
    badCrc[200] ^= 0x33;

    double unreadable =
        count("stride.workout.imports", "format", "unknown", "outcome", "unreadable");
    JsonNode entity =
        uploads.awaitOutcome(
            athlete,
            uploads.upload(athlete, "xxe.gpx", xxe.getBytes(StandardCharsets.UTF_8), null));
    JsonNode crc = uploads.awaitOutcome(athlete, uploads.upload(athlete, "bad.fit", badCrc, null));
    JsonNode pdf =
        uploads.awaitOutcome(
            athlete,
            uploads.upload(athlete, "doc.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), null));

    assertThat(entity.get("status").asString()).isEqualTo("failed");
    assertThat(entity.get("reason").asString()).contains("DTD");
    assertThat(crc.get("status").asString()).isEqualTo("failed");
    assertThat(crc.get("reason").asString()).contains("integrity");
    assertThat(pdf.get("reason").asString()).contains("not a GPX, TCX or FIT");
    assertThat(count("stride.workout.imports", "format", "unknown", "outcome", "unreadable"))
        .isEqualTo(unreadable + 3);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.workout where owner_id = ?", Long.class, athlete))
        .isZero();
  }

  @Test
  void aWorkoutWithHeartRateTellsOtherServicesItsSecondsInEachZone() {
    UUID athlete = UUID.randomUUID();
    TopicWriter.send(
        new ProfileUpdated(
            athlete,
            "Runner",
            null,
            null,
            "FEMALE",
            168,
            58.0,
            190,
            50,
            "METRIC",
            "UTC",
            "FOLLOWERS",
            "PUBLIC",
            null,
            1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from workout.athlete where user_id = ?",
                        Integer.class,
                        athlete)
                    == 1);
    try (TopicReader workouts = new TopicReader(WorkoutTopics.WORKOUTS.name())) {
      JsonNode done =
          uploads.awaitOutcome(
              athlete,
              uploads.upload(athlete, "run.fit", fixture("fitparse_garmin-fenix-5-run.fit"), null));
      assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");

      var events =
          workouts.await(
              r -> r.value().contains("WorkoutRecorded") && r.value().contains(athlete.toString()),
              Duration.ofSeconds(20));
      JsonNode event = HttpJson.parse(events.get(0).value());
      assertThat(event.get("schemaVersion").asInt()).isEqualTo(3);
      JsonNode zones = event.get("payload").get("workout").get("heartRateZoneSeconds");
      assertThat(zones).hasSize(5);
      double inZones = zones.valueStream().mapToDouble(JsonNode::asDouble).sum();
      double moving = event.get("payload").get("workout").get("movingSeconds").asDouble();
      assertThat(inZones).isPositive().isLessThanOrEqualTo(moving + 1);
      assertThat(event.get("payload").get("workout").get("perceivedEffort").isNull()).isTrue();
    }
  }

  @Test
  void aFirstRunSetsPersonalRecordsForItsBestEfforts() {
    UUID athlete = UUID.randomUUID();
    try (TopicReader records = new TopicReader(WorkoutTopics.RECORDS.name())) {
      JsonNode done =
          uploads.awaitOutcome(
              athlete,
              uploads.upload(
                  athlete,
                  "ride.fit",
                  fixture("fitparse_2019-02-17-062644-ELEMNT-297E-195-0.fit"),
                  "ride"));
      assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");

      var events = records.await(r -> r.key().equals(athlete.toString()), Duration.ofSeconds(20));
      assertThat(events).isNotEmpty();
      JsonNode event = HttpJson.parse(events.get(0).value());
      assertThat(event.get("type").asString()).isEqualTo("PersonalRecordSet");
      assertThat(event.get("payload").get("sport").asString()).isEqualTo("ride");
      assertThat(event.get("payload").get("previousSeconds").isNull()).isTrue();
    }
  }

  @Test
  void anImportedWorkoutIsProcessedAgainFromItsOriginalKeepingWhatTheAthleteSet() {
    UUID athlete = UUID.randomUUID();
    String workoutId =
        uploads
            .awaitOutcome(
                athlete,
                uploads.upload(
                    athlete, "run.fit", fixture("fitparse_garmin-fenix-5-run.fit"), null))
            .get("workoutId")
            .asString();
    http.patch("/api/v1/workouts/" + workoutId, reader(athlete), Map.of("title", "Recovery jog"));
    jdbc.update(
        "update workout.workout set distance_m = 1, metrics = null where id = ?",
        UUID.fromString(workoutId));
    String manual =
        http.post(
                "/api/v1/workouts",
                reader(athlete),
                Map.of("sport", "run", "startTime", "2026-01-01T10:00:00Z", "durationSeconds", 600))
            .json()
            .get("id")
            .asString();

    try (TopicReader events = new TopicReader(WorkoutTopics.WORKOUTS.name())) {
      Reply reprocessed =
          http.post("/api/v1/workouts/" + workoutId + "/reprocess", reader(athlete), Map.of());
      assertThat(reprocessed.status()).as(reprocessed.body()).isEqualTo(204);
      assertThat(
              events.await(
                  r -> r.key().equals(workoutId) && r.value().contains("WorkoutUpdated"),
                  Duration.ofSeconds(20)))
          .isNotEmpty();
    }
    JsonNode workout = http.get("/api/v1/workouts/" + workoutId, reader(athlete)).json();
    assertThat(workout.get("title").asString()).isEqualTo("Recovery jog");
    assertThat(workout.get("distanceMeters").asDouble()).isGreaterThan(100);
    assertThat(workout.get("metrics").isNull()).isFalse();
    assertThat(
            http.post("/api/v1/workouts/" + manual + "/reprocess", reader(athlete), Map.of())
                .status())
        .isEqualTo(422);
    assertThat(
            http.post(
                    "/api/v1/workouts/" + workoutId + "/reprocess",
                    reader(UUID.randomUUID()),
                    Map.of())
                .status())
        .isEqualTo(404);
  }

  @Test
  void aFileOverTwentyFiveMegabytesIsRefusedWith413() {
    UUID athlete = UUID.randomUUID();

    Reply tooLarge =
        uploads.upload(athlete, "huge.gpx", new byte[25 * 1024 * 1024 + 100_000], null);

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anImportLeftQueuedByACrashIsPickedUpBySweep() throws Exception {
    UUID athlete = UUID.randomUUID();
    UUID importId = UUID.randomUUID();
    byte[] file = fixture("fitparse_garmin-fenix-5-run.fit");
    jdbc.update(
        "insert into workout.workout_import (id, owner_id, status, size_bytes, sha256, created_at)"
            + " values (?, ?, 'QUEUED', ?, 'x', now() - interval '1 minute')",
        importId,
        athlete,
        file.length);
    jdbc.update(
        "insert into workout.workout_import_file (import_id, content) values (?, ?)",
        importId,
        file);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "DONE"
                    .equals(
                        jdbc.queryForObject(
                            "select status from workout.workout_import where id = ?",
                            String.class,
                            importId)));
  }

  @Test
  void anotherAthletesImportIsNotFoundAndAnEmptyUploadIsRefused() {
    UUID owner = UUID.randomUUID();
    Reply accepted =
        uploads.upload(owner, "run.fit", fixture("fitparse_garmin-fenix-5-run.fit"), null);

    Reply foreign =
        http.get(
            "/api/v1/workouts/imports/" + accepted.json().get("id").asString(),
            reader(UUID.randomUUID()));
    Reply empty = uploads.upload(owner, "empty.gpx", new byte[0], null);

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(empty.status()).isIn(400, 422);
    assertThat(empty.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anUploadWithoutTheFilePartIs400NamingThePart() {
    String boundary = "stride-test";
    Reply missing =
        http.send(
            http.request(
                    "/api/v1/workouts/imports", tokens.forUser(UUID.randomUUID(), "workouts:write"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\"sport\"\r\n\r\nrun\r\n--"
                            + boundary
                            + "--\r\n"))
                .build());

    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.json().path("errors").path(0).path("field").asString()).isEqualTo("file");
  }

  private double count(String meter, String... tags) {
    var counter = meters.find(meter).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void workoutsComputedWithOlderMetricsAreRecomputedFromTheirOriginalsKeepingTheAthletesTitle() {
    UUID athlete = UUID.randomUUID();
    JsonNode done =
        uploads.awaitOutcome(
            athlete,
            uploads.upload(athlete, "lake.gpx", fixture("gpxpy_cerknicko-jezero.gpx"), "hike"));
    String id = done.get("workoutId").asString();
    double distance =
        http.get("/api/v1/workouts/" + id, reader(athlete)).json().get("distanceMeters").asDouble();
    http.patch("/api/v1/workouts/" + id, reader(athlete), Map.of("title", "Round the lake"));
    // as an import stored before the metrics changed left it
    jdbc.update(
        "update workout.workout set metrics_version = 0, distance_m = 1, device_name = null"
            + " where id = ?::uuid",
        id);
    UUID unreadableAthlete = UUID.randomUUID();
    String broken =
        uploads
            .awaitOutcome(
                unreadableAthlete,
                uploads.upload(
                    unreadableAthlete, "lake.gpx", fixture("gpxpy_cerknicko-jezero.gpx"), null))
            .get("workoutId")
            .asString();
    double unreadableBefore = upgrades("unreadable");
    jdbc.update(
        "update workout.workout_import_file set content = ? where import_id ="
            + " (select import_id from workout.workout where id = ?::uuid)",
        "not a gpx any more".getBytes(StandardCharsets.UTF_8),
        broken);
    jdbc.update("update workout.workout set metrics_version = 0 where id = ?::uuid", broken);

    metricsUpgrade.upgradeOutdated(1000);

    JsonNode upgraded = http.get("/api/v1/workouts/" + id, reader(athlete)).json();
    assertThat(upgraded.get("distanceMeters").asDouble()).isEqualTo(distance);
    assertThat(upgraded.get("deviceName").asString())
        .isEqualTo("GPSBabel - http://www.gpsbabel.org");
    assertThat(upgraded.get("title").asString()).isEqualTo("Round the lake");
    assertThat(upgraded.get("sport").asString()).isEqualTo("hike");
    assertThat(
            jdbc.queryForList(
                "select metrics_version from workout.workout where id in (?::uuid, ?::uuid)",
                Integer.class,
                id,
                broken))
        .as("both current, the unreadable one never retried")
        .containsOnly(io.stride.workout.metrics.WorkoutMetrics.VERSION);
    assertThat(upgrades("unreadable")).isEqualTo(unreadableBefore + 1);
  }

  private double upgrades(String outcome) {
    return meters.get("stride.workout.metrics.upgrades").tag("outcome", outcome).counter().count();
  }

  /** A GPX export of the same run: one point per stream sample, one second apart. */
  private static byte[] toGpx(Instant start, JsonNode streams) {
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"StravaGPX\"><trk><trkseg>");
    JsonNode lat = streams.get("lat");
    JsonNode lng = streams.get("lng");
    JsonNode time = streams.get("time");
    for (int i = 0; i < time.size(); i++) {
      if (lat.get(i).isNull()) {
        continue;
      }
      gpx.append("<trkpt lat=\"")
          .append(lat.get(i).asDouble())
          .append("\" lon=\"")
          .append(lng.get(i).asDouble())
          .append("\"><time>")
          .append(start.plusMillis(Math.round(time.get(i).asDouble() * 1000)))
          .append("</time></trkpt>");
    }
    return gpx.append("</trkseg></trk></gpx>").toString().getBytes(StandardCharsets.UTF_8);
  }
}
