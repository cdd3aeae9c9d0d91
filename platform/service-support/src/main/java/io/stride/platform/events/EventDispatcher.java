package io.stride.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.Topic;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one consumed topic: finds the event class by the envelope's declared type name (never by a
 * Java class name), and applies it through the inbox with the service's handler for that type.
 * Types the topic does not declare, or the service does not handle, are skipped and counted.
 */
class EventDispatcher implements MessageListener<String, String> {

  private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

  private final Topic topic;
  private final Map<Class<? extends StrideEvent>, HandlerMethod> handlers;
  private final EventInbox inbox;
  private final JsonMapper json;
  private final Counter skipped;

  EventDispatcher(
      Topic topic,
      Map<Class<? extends StrideEvent>, HandlerMethod> handlers,
      EventInbox inbox,
      JsonMapper json,
      MeterRegistry meters) {
    this.topic = topic;
    this.handlers = Map.copyOf(handlers);
    this.inbox = inbox;
    this.json = json;
    this.skipped =
        Counter.builder("stride.events.skipped")
            .description("Consumed events of a type the service does not handle")
            .tag("topic", topic.name())
            .register(meters);
  }

  @Override
  public void onMessage(ConsumerRecord<String, String> record) {
    JsonNode tree;
    try {
      tree = json.readTree(record.value());
    } catch (RuntimeException e) {
      throw new MalformedEventException(record, "not JSON", e);
    }
    if (tree == null || !tree.hasNonNull("type") || !tree.hasNonNull("id")) {
      throw new MalformedEventException(record, "no envelope (id, type)", null);
    }
    String typeName = tree.get("type").asString();
    Optional<Class<? extends StrideEvent>> type = topic.eventType(typeName);
    HandlerMethod handler = type.map(handlers::get).orElse(null);
    if (handler == null) {
      skipped.increment();
      log.debug(
          "Skipped {} at {}-{}@{}: {}",
          typeName,
          record.topic(),
          record.partition(),
          record.offset(),
          type.isPresent() ? "no handler here" : "a type " + topic.name() + " does not declare");
      return;
    }
    inbox.apply(envelope(record, tree, handler.eventType()), handler::invoke);
  }

  private EventEnvelope<?> envelope(
      ConsumerRecord<String, String> record, JsonNode tree, Class<?> type) {
    JavaType envelopeType =
        json.getTypeFactory().constructParametricType(EventEnvelope.class, type);
    try {
      return json.treeToValue(tree, envelopeType);
    } catch (RuntimeException e) {
      throw new MalformedEventException(record, "payload does not match " + type.getName(), e);
    }
  }
}
