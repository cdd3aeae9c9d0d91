package io.stride.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies consumed events exactly once: the event id is recorded in the same transaction as the
 * effect, so a redelivery (retry, rebalance, duplicate publish) finds it and changes nothing. An
 * effect that throws rolls both back, and the listener's error handler retries with backoff, then
 * parks the record on the dead-letter topic.
 */
public class EventInbox {

  private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final String consumer;
  private final Counter duplicates;

  EventInbox(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      JsonMapper json,
      String consumer,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.consumer = consumer;
    this.duplicates =
        Counter.builder("stride.events.duplicates")
            .description("Redelivered events recognised and skipped")
            .register(meters);
  }

  /**
   * Applies {@code effect} if the record holds an event of {@code type} not applied before. Records
   * of other types on the same topic are left alone (the topic may carry several event types).
   *
   * @return true if the effect ran
   */
  public <T extends StrideEvent> boolean apply(
      ConsumerRecord<String, String> record, Class<T> type, Consumer<EventEnvelope<T>> effect) {
    EventEnvelope<T> envelope = parse(record, type);
    if (envelope == null) {
      return false;
    }
    Boolean applied =
        transactions.execute(
            status -> {
              int inserted =
                  jdbc.update(
                      "insert into processed_event (consumer, event_id, event_type)"
                          + " values (?, ?, ?) on conflict do nothing",
                      consumer,
                      envelope.id(),
                      envelope.type());
              if (inserted == 0) {
                return false;
              }
              effect.accept(envelope);
              return true;
            });
    if (!Boolean.TRUE.equals(applied)) {
      duplicates.increment();
      log.debug("Skipped event {} already applied by {}", envelope.id(), consumer);
      return false;
    }
    return true;
  }

  private <T> EventEnvelope<T> parse(ConsumerRecord<String, String> record, Class<T> type) {
    JsonNode tree;
    try {
      tree = json.readTree(record.value());
    } catch (RuntimeException e) {
      throw new MalformedEventException(record, "not JSON", e);
    }
    if (tree == null || !tree.hasNonNull("type") || !tree.hasNonNull("id")) {
      throw new MalformedEventException(record, "no envelope (id, type)", null);
    }
    if (!type.getSimpleName().equals(tree.get("type").asString())) {
      return null;
    }
    JavaType envelopeType =
        json.getTypeFactory().constructParametricType(EventEnvelope.class, type);
    try {
      return json.treeToValue(tree, envelopeType);
    } catch (RuntimeException e) {
      throw new MalformedEventException(record, "payload does not match " + type.getName(), e);
    }
  }
}
