package io.stride.system;

import io.stride.platform.test.SseLines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A browser tab on the notification stream through the gateway: events as they arrive. */
final class LiveStream implements AutoCloseable {

  /** An event's name and data. */
  record Event(String name, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Void>> response;
  private volatile Flow.Subscription subscription;

  LiveStream(String gateway, String token) {
    response =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(URI.create(gateway + "/api/v1/notifications/stream"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(
                    new SseLines(
                        (name, data) -> events.add(new Event(name, data)),
                        s -> subscription = s,
                        () -> {})));
  }

  /** The next event named {@code name}, skipping others; fails after 30 s. */
  Event next(String name) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event != null && event.name().equals(name)) {
        return event;
      }
    }
    throw new AssertionError("no '" + name + "' event on the stream within 30 s");
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.cancel();
    }
    response.cancel(true);
  }
}
