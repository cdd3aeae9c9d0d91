package io.stride.workout.importing;

import static io.stride.workout.importing.ImportUploads.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.workout.WorkoutTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** {@code ImportFailed}: published once for an import that fails, with the reason it shows. */
@StrideIntegrationTest
class ImportFailedIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  private ImportUploads uploads;

  @BeforeEach
  void uploads() {
    uploads = new ImportUploads(http);
  }

  @Test
  void anUnreadableUploadPublishesOneImportFailedWithTheReasonItsImportShows() {
    UUID athlete = UUID.randomUUID();
    byte[] truncated =
        "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"46.1\""
            .getBytes(StandardCharsets.UTF_8);

    try (TopicReader imports = new TopicReader(WorkoutTopics.IMPORTS.name())) {
      JsonNode failed =
          uploads.awaitOutcome(athlete, uploads.upload(athlete, "lunch run.gpx", truncated, null));

      assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("failed");
      assertThat(importsFailedFor(athlete)).as("stored once, with the failure").isEqualTo(1);
      var published =
          imports.await(r -> r.key().equals(athlete.toString()), Duration.ofSeconds(20));
      assertThat(published).hasSize(1);
      JsonNode event = HttpJson.parse(published.get(0).value());
      assertThat(event.get("type").asString()).isEqualTo("ImportFailed");
      JsonNode payload = event.get("payload");
      assertThat(payload.get("userId").asString()).isEqualTo(athlete.toString());
      assertThat(payload.get("importId").asString()).isEqualTo(failed.get("id").asString());
      assertThat(payload.get("fileName").asString()).isEqualTo("lunch run.gpx");
      assertThat(payload.get("reason").asString())
          .isEqualTo(failed.get("reason").asString())
          .contains("not well-formed")
          .doesNotContain("Exception", "\tat ");
      assertThat(Instant.parse(payload.get("failedAt").asString()))
          .isEqualTo(Instant.parse(failed.get("finishedAt").asString()));
    }
  }

  @Test
  void aSuccessfulImportPublishesNoImportFailed() {
    UUID athlete = UUID.randomUUID();

    JsonNode done =
        uploads.awaitOutcome(
            athlete,
            uploads.upload(athlete, "run.fit", fixture("fitparse_garmin-fenix-5-run.fit"), null));

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
    assertThat(importsFailedFor(athlete)).isZero();
  }

  private int importsFailedFor(UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from workout.outbox_event where event_type = 'ImportFailed'"
            + " and message_key = ?",
        Integer.class,
        athlete.toString());
  }
}
