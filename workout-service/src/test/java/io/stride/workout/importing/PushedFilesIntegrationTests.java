package io.stride.workout.importing;

import static io.stride.workout.importing.ImportUploads.fixture;
import static io.stride.workout.importing.ImportUploads.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.integration.ActivityFileReceived;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Files partners' apps push ({@code ActivityFileReceived} from integration-service) are imported as
 * uploads are, once per {@code importId}, and every import ends with {@code ImportCompleted} or
 * {@code ImportFailed} of its id.
 */
@StrideIntegrationTest
class PushedFilesIntegrationTests {

  private static final String FIT = "fitparse_garmin-fenix-5-run.fit";

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource database;

  private ImportUploads uploads;

  @BeforeEach
  void uploads() {
    uploads = new ImportUploads(http);
  }

  @Test
  void aPushedFileBecomesAWorkoutOfTheNamedSportAndImportCompletedSaysSo() {
    UUID athlete = UUID.randomUUID();
    UUID importId = UUID.randomUUID();
    byte[] gpx = fixture("gpxpy_cerknicko-jezero.gpx");

    try (TopicReader imports = new TopicReader(WorkoutTopics.IMPORTS.name())) {
      TopicWriter.send(push(athlete, importId, null, gpx, sha256(gpx), "hike"));
      JsonNode done = uploads.awaitOutcome(athlete, importId);

      assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
      assertThat(done.get("origin").asString()).isEqualTo("Acme Rowing");
      assertThat(done.get("fileName").asString())
          .as("a file its sender did not name is named by its format")
          .isEqualTo("pushed-activity.gpx");
      assertThat(done.get("format").asString()).isEqualTo("gpx");
      assertThat(done.get("sizeBytes").asInt()).isEqualTo(gpx.length);
      JsonNode workout =
          http.get("/api/v1/workouts/" + done.get("workoutId").asString(), reader(athlete)).json();
      assertThat(workout.get("sport").asString()).isEqualTo("hike");
      assertThat(workout.get("source").asString()).isEqualTo("file");
      assertThat(
              jdbc.queryForObject(
                  "select external_id from workout.workout_import where id = ?",
                  String.class,
                  importId))
          .isEqualTo("acme-" + importId);
      assertThat(
              jdbc.queryForObject(
                  "select content from workout.workout_import_file where import_id = ?",
                  byte[].class,
                  importId))
          .as("the original kept as sent, decompressed")
          .isEqualTo(gpx);

      JsonNode completed = onlyEvent(imports, athlete, "ImportCompleted").get("payload");
      assertThat(completed.get("userId").asString()).isEqualTo(athlete.toString());
      assertThat(completed.get("importId").asString()).isEqualTo(importId.toString());
      assertThat(completed.get("outcome").asString()).isEqualTo("done");
      assertThat(completed.get("workoutId").asString()).isEqualTo(done.get("workoutId").asString());
      assertThat(Instant.parse(completed.get("completedAt").asString()))
          .isEqualTo(Instant.parse(done.get("finishedAt").asString()));
    }
  }

  @Test
  void anActivityPulledFromAnotherPlatformKeepsItsTitleAndIsShownToNoMoreThanItWasThere() {
    UUID athlete = UUID.randomUUID();
    UUID importId = UUID.randomUUID();
    byte[] tcx = stravaShapedTcx().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ActivityFileReceived pulled = push(athlete, importId, "strava-1.tcx", tcx, sha256(tcx), "run");
    pulled =
        new ActivityFileReceived(
            pulled.importId(),
            pulled.userId(),
            "Strava",
            "strava:1",
            pulled.fileName(),
            pulled.gzipBase64(),
            pulled.sha256(),
            pulled.sport(),
            pulled.receivedAt(),
            "Sunrise run / ridge \u2192 lake",
            "private");

    TopicWriter.send(pulled);
    JsonNode done = uploads.awaitOutcome(athlete, importId);

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
    JsonNode workout =
        http.get("/api/v1/workouts/" + done.get("workoutId").asString(), reader(athlete)).json();
    assertThat(done.get("format").asString()).isEqualTo("tcx");
    assertThat(workout.get("title").asString()).isEqualTo("Sunrise run / ridge \u2192 lake");
    assertThat(workout.get("sport").asString()).isEqualTo("run");
    assertThat(workout.get("distanceMeters").asDouble()).isGreaterThan(100);
    assertThat(workout.get("visibility").asString())
        .as("only the athlete saw it there: private here, whatever the default")
        .isEqualTo("private");
  }

  @Test
  void theSamePushDeliveredAgainMakesOneImportAndOneWorkout() {
    UUID athlete = UUID.randomUUID();
    UUID importId = UUID.randomUUID();
    byte[] fit = fixture(FIT);
    ActivityFileReceived pushed = push(athlete, importId, "run.fit", fit, sha256(fit), null);

    EventEnvelope<StrideEvent> first = TopicWriter.sendApplied(pushed, database, "workout");
    TopicWriter.send(first); // the same record again: the inbox knows its id
    EventEnvelope<StrideEvent> again = TopicWriter.sendApplied(pushed, database, "workout");
    JsonNode done = uploads.awaitOutcome(athlete, importId);
    TopicWriter.sendApplied(pushed, database, "workout"); // and once more after it was imported

    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
    assertThat(done.get("fileName").asString()).isEqualTo("run.fit");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.workout_import where owner_id = ?",
                Integer.class,
                athlete))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.workout where owner_id = ?", Integer.class, athlete))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select attempts from workout.workout_import where id = ?",
                Integer.class,
                importId))
        .as("processed once")
        .isEqualTo(1);
    assertThat(outboxCount("ImportCompleted", athlete)).isEqualTo(1);
  }

  @Test
  void aPushWhoseFileDoesNotMatchItsChecksumFailsWithImportFailedAndIsNotRetried() {
    UUID athlete = UUID.randomUUID();
    UUID importId = UUID.randomUUID();
    byte[] fit = fixture(FIT);
    String otherSha = sha256("another file".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    try (TopicReader imports = new TopicReader(WorkoutTopics.IMPORTS.name())) {
      TopicWriter.sendApplied(
          push(athlete, importId, "run.fit", fit, otherSha, null), database, "workout");
      JsonNode failed = uploads.awaitOutcome(athlete, importId);

      assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("failed");
      assertThat(failed.get("reason").asString())
          .isEqualTo(
              "The file Acme Rowing sent does not match the SHA-256 checksum sent with it; it was"
                  + " changed or cut short on the way.");
      assertThat(failed.get("origin").asString()).isEqualTo("Acme Rowing");
      assertThat(failed.get("workoutId").isNull()).isTrue();
      JsonNode event = onlyEvent(imports, athlete, "ImportFailed").get("payload");
      assertThat(event.get("importId").asString()).isEqualTo(importId.toString());
      assertThat(event.get("fileName").asString()).isEqualTo("run.fit");
      assertThat(event.get("reason").asString()).isEqualTo(failed.get("reason").asString());
      assertThat(Instant.parse(event.get("failedAt").asString()))
          .isEqualTo(Instant.parse(failed.get("finishedAt").asString()));
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.workout_import_file where import_id = ?",
                Integer.class,
                importId))
        .as("no original kept for a file never had")
        .isZero();
    assertThat(outboxCount("ImportCompleted", athlete)).isZero();
  }

  @Test
  void aGzipBombIsRefusedAsTooLargeOnceDecompressed() {
    UUID athlete = UUID.randomUUID();
    UUID importId = UUID.randomUUID();
    byte[] zeros = new byte[50 * 1024 * 1024];
    byte[] bomb = gzip(zeros);

    TopicWriter.sendApplied(
        new ActivityFileReceived(
            importId,
            athlete,
            "Acme Rowing",
            "acme-bomb",
            "bomb.gpx",
            Base64.getEncoder().encodeToString(bomb),
            sha256(zeros),
            null,
            Instant.now(),
            null,
            null),
        database,
        "workout");
    JsonNode failed = uploads.awaitOutcome(athlete, importId);

    assertThat(bomb.length).isLessThan(100 * 1024);
    assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("failed");
    assertThat(failed.get("reason").asString())
        .isEqualTo(
            "The file Acme Rowing sent is larger than 25 MB once decompressed; that is not an"
                + " activity file.");
    assertThat(failed.get("sizeBytes").asInt())
        .as("what was received, compressed")
        .isEqualTo(bomb.length);
    assertThat(outboxCount("ImportFailed", athlete)).isEqualTo(1);
  }

  @Test
  void uploadingAFileAPartnerPushedAlreadyIsADuplicateAndImportCompletedSaysSo() {
    UUID athlete = UUID.randomUUID();
    UUID pushedId = UUID.randomUUID();
    byte[] fit = fixture(FIT);
    TopicWriter.send(push(athlete, pushedId, "run.fit", fit, sha256(fit), null));
    JsonNode pushed = uploads.awaitOutcome(athlete, pushedId);

    try (TopicReader imports = new TopicReader(WorkoutTopics.IMPORTS.name())) {
      JsonNode uploaded =
          uploads.awaitOutcome(athlete, uploads.upload(athlete, "my-run.fit", fit, null));

      assertThat(pushed.get("status").asString()).as(pushed.toString()).isEqualTo("done");
      assertThat(uploaded.get("status").asString()).as(uploaded.toString()).isEqualTo("duplicate");
      assertThat(uploaded.get("workoutId").asString())
          .isEqualTo(pushed.get("workoutId").asString());
      assertThat(uploaded.get("origin").isNull()).as("the athlete's own upload").isTrue();
      List<JsonNode> completed =
          imports
              .await(
                  r -> r.key().equals(athlete.toString()) && r.value().contains("\"duplicate\""),
                  Duration.ofSeconds(20))
              .stream()
              .map(r -> HttpJson.parse(r.value()).get("payload"))
              .toList();
      assertThat(completed).hasSize(1);
      assertThat(completed.get(0).get("importId").asString())
          .isEqualTo(uploaded.get("id").asString());
      assertThat(completed.get(0).get("outcome").asString()).isEqualTo("duplicate");
      assertThat(completed.get(0).get("workoutId").asString())
          .isEqualTo(pushed.get("workoutId").asString());
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workout.workout where owner_id = ?", Integer.class, athlete))
        .isEqualTo(1);
  }

  /**
   * A TCX file as integration-service's Strava connector writes one from an activity's streams
   * (StravaTcx): one lap, trackpoints with position, altitude, distance, heart rate and watts in
   * the ActivityExtension namespace, the recording device as Creator.
   */
  private static String stravaShapedTcx() {
    StringBuilder points = new StringBuilder();
    Instant start = Instant.parse("2026-11-30T07:00:00Z");
    for (int i = 0; i < 60; i++) {
      points.append(
          String.format(
              java.util.Locale.ROOT,
              "<Trackpoint><Time>%s</Time><Position><LatitudeDegrees>%.6f</LatitudeDegrees>"
                  + "<LongitudeDegrees>13.405</LongitudeDegrees></Position>"
                  + "<AltitudeMeters>34</AltitudeMeters><DistanceMeters>%d</DistanceMeters>"
                  + "<HeartRateBpm><Value>%d</Value></HeartRateBpm><Extensions><ns3:TPX>"
                  + "<ns3:Watts>250</ns3:Watts></ns3:TPX></Extensions></Trackpoint>",
              start.plusSeconds(i * 5L),
              52.52 + i * 0.00015,
              i * 16,
              130 + i % 20));
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><TrainingCenterDatabase"
        + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Activities>"
        + "<Activity Sport=\"Running\"><Id>2026-11-30T07:00:00Z</Id>"
        + "<Lap StartTime=\"2026-11-30T07:00:00Z\"><TotalTimeSeconds>295</TotalTimeSeconds>"
        + "<DistanceMeters>944</DistanceMeters><Intensity>Active</Intensity>"
        + "<TriggerMethod>Manual</TriggerMethod><Track>"
        + points
        + "</Track></Lap><Creator xsi:type=\"Device_t\"><Name>Garmin Forerunner 265</Name>"
        + "</Creator></Activity></Activities><Author xsi:type=\"Application_t\">"
        + "<Name>Stride Strava import</Name></Author></TrainingCenterDatabase>";
  }

  private static ActivityFileReceived push(
      UUID athlete, UUID importId, String fileName, byte[] file, String sha256, String sport) {
    return new ActivityFileReceived(
        importId,
        athlete,
        "Acme Rowing",
        "acme-" + importId,
        fileName,
        Base64.getEncoder().encodeToString(gzip(file)),
        sha256,
        sport,
        Instant.now(),
        null,
        null);
  }

  /** The one event of {@code type} published for {@code athlete} (waiting for it). */
  private static JsonNode onlyEvent(TopicReader topic, UUID athlete, String type) {
    List<ConsumerRecord<String, String>> records =
        topic.await(
            r ->
                r.key().equals(athlete.toString())
                    && HttpJson.parse(r.value()).get("type").asString().equals(type),
            Duration.ofSeconds(20));
    assertThat(records).as(type + " for " + athlete).hasSize(1);
    return HttpJson.parse(records.get(0).value());
  }

  private int outboxCount(String type, UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from workout.outbox_event where event_type = ? and message_key = ?",
        Integer.class,
        type,
        athlete.toString());
  }

  private static String sha256(byte[] content) {
    return IdempotencyKeys.sha256(content);
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
