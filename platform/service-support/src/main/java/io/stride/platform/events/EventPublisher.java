package io.stride.platform.events;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.EventTypes;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.Topic;
import io.stride.contracts.TopicRegistry;
import java.nio.charset.StandardCharsets;
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
 * transaction (so it exists exactly when the change does) and relayed to Kafka after commit. The
 * topic, type name and schema version come from the event's contract, never from the caller.
 */
public class EventPublisher {

  /** Room left in a record for its key, headers (trace, type) and the record batch's framing. */
  static final int RECORD_HEADROOM_BYTES = 16 * 1024;

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final TraceContext traceContext;
  private final OutboxRelay relay;
  private final TopicRegistry topics;
  private final DeclaredTopics declared;
  private final Clock clock;

  EventPublisher(
      JdbcTemplate jdbc,
      JsonMapper json,
      TraceContext traceContext,
      OutboxRelay relay,
      TopicRegistry topics,
      DeclaredTopics declared,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.traceContext = traceContext;
    this.relay = relay;
    this.topics = topics;
    this.declared = declared;
    this.clock = clock;
    TopicChecks.checkPublishes(topics, declared);
  }

  /**
   * Stores the event for publication on the topic its contract names; must run inside the
   * transaction that makes the change.
   *
   * @throws IllegalStateException if the event's topic is not among the service's {@code publishes}
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public EventEnvelope<StrideEvent> publish(StrideEvent event) {
    Topic topic = topics.topicOf(event.getClass());
    if (!declared.publishes().contains(topic.name())) {
      throw new IllegalStateException(
          declared.service()
              + " may not publish "
              + EventTypes.nameOf(event.getClass())
              + ": its topic "
              + topic.name()
              + " is not under publishes in its services.yml entry");
    }
    Map<String, String> trace = traceContext.current();
    EventEnvelope<StrideEvent> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            EventTypes.nameOf(event.getClass()),
            declared.service(),
            clock.instant(),
            event.subject(),
            EventTypes.versionOf(event.getClass()),
            trace,
            event);
    String body = json.writeValueAsString(envelope);
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > topic.maxMessageBytes() - RECORD_HEADROOM_BYTES) {
      // refused here, in the caller's transaction: relayed, it would never leave the outbox
      throw new IllegalArgumentException(
          EventTypes.nameOf(event.getClass())
              + " of "
              + bytes
              + " bytes is larger than topic "
              + topic.name()
              + " takes ("
              + topic.maxMessageBytes()
              + " bytes with headers)");
    }
    jdbc.update(
        "insert into outbox_event (id, topic, message_key, event_type, envelope, headers)"
            + " values (?, ?, ?, ?, ?::jsonb, ?::jsonb)",
        envelope.id(),
        topic.name(),
        envelope.subject(),
        envelope.type(),
        body,
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
