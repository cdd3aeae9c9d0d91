package io.stride.contracts;

/**
 * Marker for event payloads: immutable records annotated with {@link EventType} (their wire name
 * and schema version) and carried by exactly one {@link Topic} of the {@link TopicRegistry}.
 */
public interface StrideEvent {

  /** The aggregate the event is about; used as envelope subject and Kafka key. */
  String subject();
}
