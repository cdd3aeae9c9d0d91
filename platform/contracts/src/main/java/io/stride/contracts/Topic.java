package io.stride.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kafka topic with the service that writes it and the event types it carries. Services never name
 * topics: publishing picks the topic from the event's type, consuming from the handler's.
 *
 * @param name e.g. {@code stride.auth.users}, as in {@code services.yml}
 * @param producer the one service that publishes it, e.g. {@code auth-service}
 * @param events the event types it carries, by their declared type name
 * @param state whether it is a state topic: each event is the whole current state of its key, the
 *     topic is compacted (the latest event per key kept forever), and consumers follow it whole in
 *     every replica instead of in a consumer group (ADR 0024)
 */
public record Topic(
    String name, String producer, Map<String, Class<? extends StrideEvent>> events, boolean state) {

  public Topic {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("topic " + name + " carries no event type");
    }
    events = Map.copyOf(events);
  }

  /** Declares a topic; the type names come from the classes' {@link EventType}. */
  @SafeVarargs
  public static Topic of(String name, String producer, Class<? extends StrideEvent>... events) {
    return new Topic(name, producer, byName(name, events), false);
  }

  /** Declares a state topic: the latest event per key is the key's state, kept by compaction. */
  @SafeVarargs
  public static Topic state(String name, String producer, Class<? extends StrideEvent>... events) {
    return new Topic(name, producer, byName(name, events), true);
  }

  @SafeVarargs
  private static Map<String, Class<? extends StrideEvent>> byName(
      String name, Class<? extends StrideEvent>... events) {
    Map<String, Class<? extends StrideEvent>> byName = new LinkedHashMap<>();
    for (Class<? extends StrideEvent> type : events) {
      Class<? extends StrideEvent> other = byName.putIfAbsent(EventTypes.nameOf(type), type);
      if (other != null) {
        throw new IllegalArgumentException(
            name + ": " + type.getName() + " and " + other.getName() + " share a type name");
      }
    }
    return byName;
  }

  /** The event class for a type name read from an envelope, if this topic carries it. */
  public Optional<Class<? extends StrideEvent>> eventType(String typeName) {
    return Optional.ofNullable(events.get(typeName));
  }

  public boolean carries(Class<?> type) {
    return events.containsValue(type);
  }

  /** The event classes, in no particular order. */
  public List<Class<? extends StrideEvent>> eventClasses() {
    return List.copyOf(events.values());
  }
}
