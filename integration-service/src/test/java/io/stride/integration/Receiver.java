package io.stride.integration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A partner's webhook receiver on 127.0.0.1 (port 0): records every request it gets and answers
 * with the statuses queued, then 204.
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private volatile Runnable beforeAnswer = () -> {};
  private volatile String location;
  private volatile boolean endless;
  private final java.util.concurrent.atomic.AtomicLong bytesAnswered =
      new java.util.concurrent.atomic.AtomicLong();

  public Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(new Request(headers, body));
          beforeAnswer.run();
          Integer status = statuses.poll();
          int code = status == null ? 204 : status;
          if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
          }
          if (endless) {
            answerEndlessly(exchange, status == null ? 200 : status);
            return;
          }
          exchange.sendResponseHeaders(code, -1);
          exchange.close();
        });
    server.start();
  }

  /** Answers these statuses first, in order. */
  public Receiver answering(Integer... codes) {
    statuses.addAll(List.of(codes));
    return this;
  }

  /** Redirects (with the status queued) to this location. */
  public Receiver redirectingTo(String target) {
    this.location = target;
    return this;
  }

  /** Runs before every answer (e.g. waits, to be slow). */
  public Receiver before(Runnable action) {
    this.beforeAnswer = action;
    return this;
  }

  /** Answers 200 with a body that goes on (up to 256 MB) until the client stops reading. */
  public Receiver endlessBody() {
    this.endless = true;
    return this;
  }

  /** Bytes of answer bodies written so far. */
  public long bytesAnswered() {
    return bytesAnswered.get();
  }

  private void answerEndlessly(com.sun.net.httpserver.HttpExchange exchange, int code) {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    try (var out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(code, 0);
      for (int i = 0; i < 4096; i++) {
        out.write(chunk);
        bytesAnswered.addAndGet(chunk.length);
      }
    } catch (IOException clientWentAway) {
      // what the test wants: the client stopped reading
    } finally {
      exchange.close();
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  public List<Request> requests() {
    return requests;
  }

  public IntSupplier count() {
    return requests::size;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
