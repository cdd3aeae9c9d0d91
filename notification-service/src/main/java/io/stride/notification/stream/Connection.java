package io.stride.notification.stream;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One browser's open stream: the person, the last stream number it was sent, and its emitter. Sends
 * are serialised per connection (an emitter is not safe for concurrent sends); a send that fails
 * closes it.
 */
final class Connection {

  final UUID userId;
  final Locale locale;
  final SseEmitter emitter;
  private long lastSeq;
  private final AtomicBoolean open = new AtomicBoolean(true);

  Connection(UUID userId, Locale locale, SseEmitter emitter, long lastSeq) {
    this.userId = userId;
    this.locale = locale;
    this.emitter = emitter;
    this.lastSeq = lastSeq;
  }

  synchronized long lastSeq() {
    return lastSeq;
  }

  /** Sends the event numbered {@code seq} unless an earlier drain already did. */
  synchronized boolean send(long seq, SseEventBuilder event) {
    if (seq <= lastSeq) {
      return true;
    }
    if (!send(event)) {
      return false;
    }
    lastSeq = seq;
    return true;
  }

  synchronized boolean send(SseEventBuilder event) {
    if (!open.get()) {
      return false;
    }
    try {
      emitter.send(event);
      return true;
    } catch (IOException | IllegalStateException e) {
      close();
      return false;
    }
  }

  synchronized void skipTo(long seq) {
    lastSeq = Math.max(lastSeq, seq);
  }

  boolean isOpen() {
    return open.get();
  }

  void close() {
    if (open.compareAndSet(true, false)) {
      emitter.complete();
    }
  }
}
