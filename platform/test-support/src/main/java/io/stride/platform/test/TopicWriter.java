package io.stride.platform.test;

import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.EventTypes;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.Topic;
import io.stride.contracts.TopicRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends an event the way its producer's outbox would: in the shared envelope, on the topic its
 * contract names, keyed by its subject, with the type name and version from its contract.
 */
public final class TopicWriter {

  /** One producer for the JVM's tests (creating one per event costs more than sending it). */
  private static final class Producer {
    static final KafkaProducer<String, String> INSTANCE = create();

    private static KafkaProducer<String, String> create() {
      KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.<String, Object>of(
                  "bootstrap.servers",
                  StrideInfrastructure.get().kafkaBootstrapServers(),
                  "linger.ms",
                  0),
              new StringSerializer(),
              new StringSerializer());
      Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "topic-writer-close"));
      return producer;
    }
  }

  private TopicWriter() {}

  /** Wraps {@code event} in a new envelope from its producer and sends it. */
  public static EventEnvelope<StrideEvent> send(StrideEvent event) {
    EventEnvelope<StrideEvent> envelope = envelope(event);
    send(envelope);
    return envelope;
  }

  /**
   * Sends {@code event} and waits (up to 30 s) until the service owning {@code schema} has applied
   * it: its inbox row ({@code <schema>.processed_event}) is written in the transaction of the
   * effect.
   */
  public static EventEnvelope<StrideEvent> sendApplied(
      StrideEvent event, DataSource database, String schema) {
    EventEnvelope<StrideEvent> envelope = send(event);
    awaitApplied(envelope, database, schema);
    return envelope;
  }

  /** Waits (up to 30 s) until the service owning {@code schema} has applied the sent envelope. */
  public static void awaitApplied(
      EventEnvelope<? extends StrideEvent> envelope, DataSource database, String schema) {
    String query = "select count(*) from " + schema + ".processed_event where event_id = ?";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Connection connection = database.getConnection();
                  PreparedStatement applied = connection.prepareStatement(query)) {
                applied.setObject(1, envelope.id());
                try (ResultSet row = applied.executeQuery()) {
                  return row.next() && row.getLong(1) == 1;
                }
              }
            });
  }

  /** A new envelope for {@code event} as its producer would write it, not sent yet. */
  public static EventEnvelope<StrideEvent> envelope(StrideEvent event) {
    Topic topic = TopicRegistry.STRIDE.topicOf(event.getClass());
    return new EventEnvelope<>(
        UUID.randomUUID(),
        EventTypes.nameOf(event.getClass()),
        topic.producer(),
        Instant.now(),
        event.subject(),
        EventTypes.versionOf(event.getClass()),
        Map.of(),
        event);
  }

  /**
   * Sends an envelope as it is (again, to prove a redelivery changes nothing); waits for the ack.
   */
  public static void send(EventEnvelope<? extends StrideEvent> envelope) {
    String topic = TopicRegistry.STRIDE.topicOf(envelope.payload().getClass()).name();
    try {
      Producer.INSTANCE
          .send(new ProducerRecord<>(topic, envelope.subject(), HttpJson.toJson(envelope)))
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not send " + envelope.type(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
