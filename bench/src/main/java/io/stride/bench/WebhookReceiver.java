package io.stride.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's webhook receiver on loopback for the benchmark: answers 204 (after {@code delay}),
 * and keeps when each workout's message reached each path, first arrival only (a retry of a message
 * already seen counts nothing).
 */
final class WebhookReceiver implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  WebhookReceiver(Duration delay) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          long now = System.nanoTime();
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (!delay.isZero()) {
            try {
              Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          try {
            JsonNode data = JSON.readTree(body).path("data");
            arrivals.putIfAbsent(
                exchange.getRequestURI().getPath() + " " + data.path("workoutId").asString(""),
                now);
          } finally {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          }
        });
    server.start();
  }

  /** The URL of one of its endpoints. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
  }

  /** When the message about {@code workoutId} reached {@code path} (nanoTime), or null. */
  Long arrival(String path, String workoutId) {
    return arrivals.get("/" + path + " " + workoutId);
  }

  int received() {
    return arrivals.size();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
