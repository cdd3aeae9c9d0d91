package io.stride.notification.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test's browser on the live stream: reads Server-Sent Events line by line as they arrive
 * (comments too, to see heartbeats) until closed.
 */
final class SseClient implements AutoCloseable {

  /** One event as the stream sent it; a comment line is an event named {@code :}. */
  record Event(String id, String name, String data) {}

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile int status;

  SseClient(String url, String token, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    response = CLIENT.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        reply -> {
          status = reply.statusCode();
          Thread reader = new Thread(() -> read(reply.body()), "sse-test-reader");
          reader.setDaemon(true);
          reader.start();
        });
  }

  int status() throws Exception {
    response.get(30, TimeUnit.SECONDS);
    return status;
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
    throw new AssertionError("no '" + name + "' event within 30 s");
  }

  private void read(Stream<String> lines) {
    String[] id = {null};
    String[] name = {"message"};
    StringBuilder data = new StringBuilder();
    try {
      lines.forEach(
          line -> {
            if (line.isEmpty()) {
              if (!data.isEmpty()) {
                events.add(new Event(id[0], name[0], data.toString()));
              }
              id[0] = null;
              name[0] = "message";
              data.setLength(0);
            } else if (line.startsWith(":")) {
              events.add(new Event(null, ":", line.substring(1)));
            } else if (line.startsWith("id:")) {
              id[0] = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
              name[0] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
              data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).trim());
            }
          });
    } catch (RuntimeException closed) {
      // the stream ended or was closed by the test
    }
  }

  @Override
  public void close() {
    response.thenAccept(reply -> reply.body().close());
    response.cancel(true);
  }
}
