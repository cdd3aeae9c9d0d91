package io.stride.platform.events;

import io.stride.contracts.EventEnvelope;
import io.stride.platform.events.EventsTestApplication.NoteTaken;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideInfrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test helpers: raw records onto the notes topic, and what the handler stored. */
final class Notes {

  private Notes() {}

  static String envelope(UUID eventId, String type, UUID noteId, String text) {
    return HttpJson.toJson(
        new EventEnvelope<>(
            eventId,
            type,
            "events-test-service",
            Instant.now(),
            noteId.toString(),
            1,
            Map.of(),
            new NoteTaken(noteId, text)));
  }

  static void send(String key, String value) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                "bootstrap.servers", StrideInfrastructure.get().kafka().bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(EventsTestApplication.NOTES.name(), key, value)).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static long applied(JdbcTemplate jdbc, UUID noteId) {
    return jdbc.queryForObject(
        "select count(*) from events_test.note where note_id = ?", Long.class, noteId);
  }
}
