package io.stride.contracts;

/**
 * Marker for event payloads. The type name on the envelope is the record's simple name; the schema
 * version starts at 1 and grows only with additive changes.
 */
public interface StrideEvent {

  /** The aggregate the event is about; used as envelope subject and Kafka key. */
  String subject();

  default int schemaVersion() {
    return 1;
  }

  default String eventType() {
    return getClass().getSimpleName();
  }
}
