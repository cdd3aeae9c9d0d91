package io.stride.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@EventsTest
class InboxIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  @Test
  void anEventDeliveredTwiceIsAppliedOnce() {
    UUID noteId = UUID.randomUUID();
    String event = Notes.envelope(UUID.randomUUID(), "NoteWritten", noteId, "twice");
    double duplicates = meters.counter("stride.events.duplicates").count();

    Notes.send(noteId.toString(), event);
    Notes.send(noteId.toString(), event);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> meters.counter("stride.events.duplicates").count() > duplicates);
    assertThat(Notes.applied(jdbc, noteId)).isEqualTo(1);
  }

  @Test
  void dispatchGoesByTheDeclaredTypeNameNeverByTheJavaClassName() {
    UUID byClassName = UUID.randomUUID();
    UUID byTypeName = UUID.randomUUID();

    Notes.send("k", Notes.envelope(UUID.randomUUID(), "NoteTaken", byClassName, "class name"));
    Notes.send("k", Notes.envelope(UUID.randomUUID(), "NoteWritten", byTypeName, "type name"));

    await().atMost(Duration.ofSeconds(30)).until(() -> Notes.applied(jdbc, byTypeName) == 1);
    assertThat(Notes.applied(jdbc, byClassName)).isZero();
  }

  @Test
  void typesTheTopicDoesNotDeclareOrTheServiceDoesNotHandleAreSkippedAndCounted() {
    UUID unknown = UUID.randomUUID();
    UUID unhandled = UUID.randomUUID();
    UUID next = UUID.randomUUID();
    double skipped = skipped();

    Notes.send("k", Notes.envelope(UUID.randomUUID(), "NoteFrobnicated", unknown, "unknown"));
    Notes.send("k", Notes.envelope(UUID.randomUUID(), "NoteArchived", unhandled, "unhandled"));
    Notes.send("k", Notes.envelope(UUID.randomUUID(), "NoteWritten", next, "next"));

    await().atMost(Duration.ofSeconds(30)).until(() -> Notes.applied(jdbc, next) == 1);
    assertThat(skipped() - skipped).isEqualTo(2);
    assertThat(Notes.applied(jdbc, unknown) + Notes.applied(jdbc, unhandled)).isZero();
  }

  private double skipped() {
    return meters
        .counter("stride.events.skipped", "topic", EventsTestApplication.NOTES.name())
        .count();
  }
}
