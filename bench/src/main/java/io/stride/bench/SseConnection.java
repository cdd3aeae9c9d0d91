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
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One browser tab on the live stream, read without a thread of its own (a line subscriber on the
 * JDK client's executor): counts itself connected at {@code ready}, and hands each {@code
 * notification} event's subject and arrival time to a listener.
 */
final class SseConnection {

  private static final HttpClient[] CLIENTS = {
    HttpClient.newHttpClient(),
    HttpClient.newHttpClient(),
    HttpClient.newHttpClient(),
    HttpClient.newHttpClient()
  };
  private static final AtomicInteger next = new AtomicInteger();

  private final CompletableFuture<HttpResponse<Void>> response;
  private volatile boolean open;
  private volatile Flow.Subscription subscription;

  SseConnection(
      String url, String token, AtomicInteger connected, BiConsumer<UUID, Instant> arrived) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    HttpClient client = CLIENTS[Math.floorMod(next.getAndIncrement(), CLIENTS.length)];
    response =
        client.sendAsync(
            request,
            HttpResponse.BodyHandlers.fromLineSubscriber(
                new SseLines(
                    (event, data) -> {
                      if (event.equals("ready")) {
                        open = true;
                        connected.incrementAndGet();
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
  }

  boolean isOpen() {
    return open && !response.isCompletedExceptionally();
  }

  void close() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    response.cancel(true);
  }
}
