package io.stride.bench;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.SseLines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One browser tab on the live stream, read without a thread of its own (a line subscriber on the
 * JDK client's executor): counts itself connected at its first {@code ready}, and hands each {@code
 * notification} event's subject and arrival time to a listener. Like a browser's EventSource it
 * connects again a second after the stream failed or ended (a refused or timed-out connection when
 * thousands open at once), until closed.
 */
final class SseConnection {

  private static final long RETRY_MILLIS = 1_000;
  private static final HttpClient[] CLIENTS = {
    HttpClient.newHttpClient(),
    HttpClient.newHttpClient(),
    HttpClient.newHttpClient(),
    HttpClient.newHttpClient()
  };
  private static final ScheduledExecutorService RETRIES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "sse-retry");
            thread.setDaemon(true);
            return thread;
          });
  private static final AtomicInteger next = new AtomicInteger();

  private final HttpRequest request;
  private final HttpClient client;
  private final AtomicInteger connected;
  private final BiConsumer<UUID, Instant> arrived;
  private volatile CompletableFuture<HttpResponse<Void>> response;
  private volatile boolean open;
  private volatile boolean counted;
  private volatile boolean closed;
  private volatile Flow.Subscription subscription;

  SseConnection(
      String url, String token, AtomicInteger connected, BiConsumer<UUID, Instant> arrived) {
    this.request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    this.client = CLIENTS[Math.floorMod(next.getAndIncrement(), CLIENTS.length)];
    this.connected = connected;
    this.arrived = arrived;
    connect();
  }

  private void connect() {
    response =
        client.sendAsync(
            request,
            HttpResponse.BodyHandlers.fromLineSubscriber(
                new SseLines(
                    (event, data) -> {
                      if (event.equals("ready")) {
                        open = true;
                        if (!counted) {
                          counted = true;
                          connected.incrementAndGet();
                        }
                      } else if (event.equals("notification")) {
                        Instant at = Instant.now();
                        var subject = HttpJson.parse(data).get("subjectId");
                        if (subject != null && !subject.isNull()) {
                          arrived.accept(UUID.fromString(subject.asString()), at);
                        }
                      }
                    },
                    s -> subscription = s,
                    () -> open = false)));
    response.whenComplete(
        (answer, failure) -> {
          open = false;
          if (!closed) {
            RETRIES.schedule(this::connect, RETRY_MILLIS, TimeUnit.MILLISECONDS);
          }
        });
  }

  boolean isOpen() {
    return open && !response.isDone();
  }

  void close() {
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    response.cancel(true);
  }
}
