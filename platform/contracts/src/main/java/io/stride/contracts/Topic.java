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
 * @param maxMessageBytes the largest record the topic takes (its {@code max.message.bytes}, and
 *     that of its dead-letter topics): Kafka's default, {@link #DEFAULT_MAX_MESSAGE_BYTES}, unless
 *     the topic carries files ({@link #carryingUpTo})
 */
public record Topic(
    String name,
    String producer,
    Map<String, Class<? extends StrideEvent>> events,
    boolean state,
    int maxMessageBytes) {

  /** Kafka's broker default for {@code max.message.bytes} (1 MiB and a record batch's header). */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

  public Topic {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("topic " + name + " carries no event type");
    }
    if (maxMessageBytes < DEFAULT_MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "topic " + name + ": max.message.bytes below Kafka's default " + maxMessageBytes);
    }
    events = Map.copyOf(events);
  }

  /**
   * The same topic taking records up to {@code bytes} (e.g. events carrying an activity file); the
   * platform sets it on the topic and its dead-letter topics and refuses larger events when they
   * are published.
   */
  public Topic carryingUpTo(int bytes) {
    return new Topic(name, producer, events, state, bytes);
  }

  /** Whether this topic takes records larger than Kafka's default. */
  public boolean large() {
    return maxMessageBytes > DEFAULT_MAX_MESSAGE_BYTES;
  }

  /** Declares a topic; the type names come from the classes' {@link EventType}. */
  @SafeVarargs
  public static Topic of(String name, String producer, Class<? extends StrideEvent>... events) {
    return new Topic(name, producer, byName(name, events), false, DEFAULT_MAX_MESSAGE_BYTES);
  }

  /** Declares a state topic: the latest event per key is the key's state, kept by compaction. */
  @SafeVarargs
  public static Topic state(String name, String producer, Class<? extends StrideEvent>... events) {
    return new Topic(name, producer, byName(name, events), true, DEFAULT_MAX_MESSAGE_BYTES);
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
