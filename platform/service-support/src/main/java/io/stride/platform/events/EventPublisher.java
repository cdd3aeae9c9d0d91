package io.stride.platform.events;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events through the transactional outbox: the event is stored in the caller's
 * transaction (so it exists exactly when the change does) and relayed to Kafka after commit.
 */
public class EventPublisher {

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final TraceContext traceContext;
  private final OutboxRelay relay;
  private final String source;
  private final Clock clock;

  EventPublisher(
      JdbcTemplate jdbc,
      JsonMapper json,
      TraceContext traceContext,
      OutboxRelay relay,
      String source,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.traceContext = traceContext;
    this.relay = relay;
    this.source = source;
    this.clock = clock;
  }

  /** Stores the event for publication; must run inside the transaction that makes the change. */
  @Transactional(propagation = Propagation.MANDATORY)
  public EventEnvelope<StrideEvent> publish(String topic, StrideEvent event) {
    Map<String, String> trace = traceContext.current();
    EventEnvelope<StrideEvent> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            event.eventType(),
            source,
            clock.instant(),
            event.subject(),
            event.schemaVersion(),
            trace,
            event);
    jdbc.update(
        "insert into outbox_event (id, topic, message_key, event_type, envelope, headers)"
            + " values (?, ?, ?, ?, ?::jsonb, ?::jsonb)",
        envelope.id(),
        topic,
        envelope.subject(),
        envelope.type(),
        json.writeValueAsString(envelope),
        json.writeValueAsString(trace));
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }
        });
    return envelope;
  }
}
