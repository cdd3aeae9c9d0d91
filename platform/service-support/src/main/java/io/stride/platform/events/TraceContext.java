package io.stride.platform.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries W3C trace context across the outbox: captured when an event is stored, restored as the
 * parent of the span that sends it, so a trace runs request → outbox → Kafka → consumer.
 */
class TraceContext {

  private final Tracer tracer;
  private final Propagator propagator;

  TraceContext(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  Map<String, String> current() {
    Span span = tracer == null ? null : tracer.currentSpan();
    Map<String, String> headers = new HashMap<>();
    if (span != null) {
      propagator.inject(span.context(), headers, Map::put);
    }
    return headers;
  }

  <T> T inChildSpanOf(Map<String, String> headers, String name, Supplier<T> work) {
    if (tracer == null || headers.isEmpty()) {
      return work.get();
    }
    Span span = propagator.extract(headers, Map::get).name(name).start();
    try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
      return work.get();
    } finally {
      span.end();
    }
  }
}
