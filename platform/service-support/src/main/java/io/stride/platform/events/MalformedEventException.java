package io.stride.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that no retry can fix: it goes straight to the dead-letter topic for ops to inspect. */
public class MalformedEventException extends RuntimeException {

  MalformedEventException(ConsumerRecord<?, ?> record, String problem, Throwable cause) {
    super(
        "Malformed event at "
            + record.topic()
            + "-"
            + record.partition()
            + "@"
            + record.offset()
            + ": "
            + problem,
        cause);
  }

  /**
   * For an {@code @EventHandler}: the event parsed, but says what its contract rules out (a value
   * outside its documented pattern, a field its kind needs left out), so no retry can apply it. The
   * handler's transaction rolls back and the record is parked at once, without the retries.
   */
  public MalformedEventException(String problem) {
    super("Malformed event: " + problem);
  }
}
