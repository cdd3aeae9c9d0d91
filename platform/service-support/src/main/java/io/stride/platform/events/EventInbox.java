package io.stride.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.EventEnvelope;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies consumed events exactly once: the event id is recorded in the same transaction as the
 * effect, so a redelivery (retry, rebalance, duplicate publish, replay) finds it and changes
 * nothing. An effect that throws rolls both back, and the listener's error handler retries with
 * backoff, then parks the record on the dead-letter topic.
 */
class EventInbox {

  private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final String consumer;
  private final Counter duplicates;

  EventInbox(
      JdbcTemplate jdbc, TransactionTemplate transactions, String consumer, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.consumer = consumer;
    this.duplicates =
        Counter.builder("stride.events.duplicates")
            .description("Redelivered events recognised and skipped")
            .register(meters);
  }

  /**
   * Runs {@code effect} unless this consumer applied the event before.
   *
   * @return true if the effect ran
   */
  <T> boolean apply(EventEnvelope<T> envelope, Consumer<EventEnvelope<T>> effect) {
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
}
