package io.stride.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.platform.events.EventsTestApplication.NoteTaken;
import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.MissingTool;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runbook's way to rebuild a lost topic (docs/operations/rebuild-a-topic.md, ADR 0022): its SQL
 * file, run with psql, has the relay send the topic's recent events again in their order, and the
 * consumers apply none of them twice.
 */
@EventsTest
class TopicRebuildIntegrationTests {

  private static final Path SCRIPT =
      Path.of("../../docs/operations/sql/republish-topic.sql").toAbsolutePath().normalize();

  @Autowired EventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theRunbooksScriptSendsATopicsEventsAgainInOrderAndConsumersApplyThemOnce() {
    if (!ExternalCommand.answers("psql", "--version")) {
      MissingTool.skipOrFail(
          "the runbook's script runs with psql (Debian: apt-get install postgresql-client)",
          "STRIDE_COMPOSE_TESTS");
    }
    OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    UUID noteId = UUID.randomUUID();
    for (String text : List.of("first", "second", "third")) {
      transactions.executeWithoutResult(status -> events.publish(new NoteTaken(noteId, text)));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> Notes.applied(jdbc, noteId) == 3);

    var infrastructure = StrideInfrastructure.get();
    ExternalCommand.Result result =
        ExternalCommand.run(
            null,
            Map.of("PGPASSWORD", infrastructure.databasePassword()),
            Duration.ofSeconds(30),
            List.of(
                "psql",
                "--no-psqlrc",
                "--username=" + infrastructure.databaseUser(),
                "--dbname=" + infrastructure.jdbcUrl().replaceFirst("^jdbc:", ""),
                "-v",
                "schema=events_test",
                "-v",
                "topic=" + EventsTestApplication.NOTES.name(),
                "-v",
                "since=" + since,
                "-f",
                SCRIPT.toString()));
    assertThat(result.succeeded()).as(result.describe()).isTrue();
    assertThat(result.output()).contains("events_to_send_again");

    try (TopicReader reader = new TopicReader(EventsTestApplication.NOTES.name())) {
      var sent = reader.await(r -> r.key().equals(noteId.toString()), 6, Duration.ofSeconds(60));
      var envelopes = sent.stream().map(r -> HttpJson.parse(r.value())).toList();
      assertThat(envelopes.stream().map(e -> e.get("payload").get("text").asString()))
          .containsExactly("first", "second", "third", "first", "second", "third");
      assertThat(envelopes.subList(3, 6).stream().map(e -> e.get("id").asString()))
          .as("the same events, under their own ids, so consumers recognise them")
          .containsExactlyElementsOf(
              envelopes.subList(0, 3).stream().map(e -> e.get("id").asString()).toList());
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from events_test.outbox_event where message_key = ?"
                            + " and status = 'PUBLISHED'",
                        Long.class,
                        noteId.toString())
                    == 3);
    assertThat(Notes.applied(jdbc, noteId)).as("applied once each, not twice").isEqualTo(3);
  }
}
