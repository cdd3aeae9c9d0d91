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
}
