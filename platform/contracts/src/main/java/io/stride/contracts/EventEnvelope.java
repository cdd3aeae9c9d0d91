package io.stride.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every Stride event travels in, whatever its payload.
 *
 * @param id unique per event; consumers de-duplicate on it
 * @param type the payload's type name, e.g. {@code UserRegistered}
 * @param source the producing service, e.g. {@code auth-service}
 * @param time when the fact happened (UTC)
 * @param subject the aggregate id; also the Kafka record key, so order holds per aggregate
 * @param schemaVersion the payload's schema version; changes are additive
 * @param trace W3C trace context of the request that caused the event ({@code traceparent}, {@code
 *     tracestate})
 * @param payload the event itself, one of the records in this module
 */
public record EventEnvelope<T>(
    UUID id,
    String type,
    String source,
    Instant time,
    String subject,
    int schemaVersion,
    Map<String, String> trace,
    T payload) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(subject, "subject");
    trace = trace == null ? Map.of() : Map.copyOf(trace);
  }
}
