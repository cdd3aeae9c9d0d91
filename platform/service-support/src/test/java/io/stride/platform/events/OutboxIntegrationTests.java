package io.stride.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stride.platform.events.EventsTestApplication.NoteTaken;
import io.stride.platform.events.EventsTestApplication.ThingHappened;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@EventsTest
class OutboxIntegrationTests {

  @Autowired EventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxRelay relay;

  @Test
  void anEventStaysPendingWhileKafkaIsDownAndIsDeliveredWhenItIsBack() {
    UUID noteId = UUID.randomUUID();
    var kafka = StrideInfrastructure.get().kafka();
    kafka.stop();
    try {
      transactions.executeWithoutResult(status -> events.publish(new NoteTaken(noteId, "offline")));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> outbox("attempts", noteId, Integer.class) > 0);
      assertThat(outbox("status", noteId, String.class)).isEqualTo("PENDING");
      assertThat(outbox("last_error", noteId, String.class)).isNotBlank();
    } finally {
      kafka.start();
    }
    try (TopicReader reader = new TopicReader(EventsTestApplication.NOTES.name())) {
      assertThat(reader.await(r -> r.key().equals(noteId.toString()), Duration.ofSeconds(60)))
          .hasSize(1);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> outbox("status", noteId, String.class).equals("PUBLISHED"));
  }

  @Test
  void aRolledBackTransactionSendsNothing() {
    UUID noteId = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      events.publish(new NoteTaken(noteId, "never"));
                      throw new IllegalStateException("the change fails");
                    }))
        .hasMessage("the change fails");
    transactions.executeWithoutResult(status -> events.publish(new NoteTaken(noteId, "after")));

    try (TopicReader reader = new TopicReader(EventsTestApplication.NOTES.name())) {
      // same key, same partition: once the later event is there, the earlier one would be too
      var sent = reader.await(r -> r.value().contains("\"after\""), Duration.ofSeconds(30));
      assertThat(sent).hasSize(1);
      assertThat(reader.await(r -> r.value().contains("\"never\""), Duration.ZERO)).isEmpty();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from events_test.outbox_event where message_key = ?",
                Long.class,
                noteId.toString()))
        .isEqualTo(1);
  }

  @Test
  void publishingAnEventOnATopicTheCatalogEntryDoesNotListThrows() {
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> events.publish(new ThingHappened(UUID.randomUUID()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "events-test-service may not publish ThingHappened: its topic stride.eventstest.things"
                + " is not under publishes");
  }

  @Test
  void aLaterEventOfAKeyWaitsWhileAnEarlierOneIsPendingSoTheyArriveInTheOrderWritten() {
    UUID noteId = UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          events.publish(new NoteTaken(noteId, "first"));
          // as after a failed send: the relay retries it later
          jdbc.update(
              "update events_test.outbox_event set next_attempt_at = now() + interval '1 hour'"
                  + " where message_key = ?",
              noteId.toString());
          events.publish(new NoteTaken(noteId, "second"));
        });
    relay.publishDue();
    assertThat(
            jdbc.queryForList(
                "select status from events_test.outbox_event where message_key = ? order by seq",
                String.class,
                noteId.toString()))
        .as("the second is due, but waits for the first")
        .containsExactly("PENDING", "PENDING");

    jdbc.update(
        "update events_test.outbox_event set next_attempt_at = now() where message_key = ?",
        noteId.toString());
    relay.publishDue();
    try (TopicReader reader = new TopicReader(EventsTestApplication.NOTES.name())) {
      var records = reader.await(r -> r.key().equals(noteId.toString()), 2, Duration.ofSeconds(30));
      assertThat(records)
          .extracting(r -> r.value().contains("\"first\""))
          .containsExactly(true, false);
    }
  }

  private <T> T outbox(String column, UUID noteId, Class<T> type) {
    return jdbc.queryForObject(
        "select " + column + " from events_test.outbox_event where message_key = ?",
        type,
        noteId.toString());
  }
}
