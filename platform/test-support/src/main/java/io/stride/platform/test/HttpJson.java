package io.stride.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that talk to real servers. */
public final class HttpJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client;
  private final Supplier<String> baseUrl;
  private final List<Consumer<Reply>> listeners = new CopyOnWriteArrayList<>();

  public HttpJson(String baseUrl) {
    this(() -> baseUrl);
  }

  /** For a server whose address is known only later (a service under test on a random port). */
  public HttpJson(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Hands every reply this client receives to {@code listener} too (e.g. to check each one). */
  public HttpJson onEveryReply(Consumer<Reply> listener) {
    listeners.add(listener);
    return this;
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Reply delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  public Reply post(String path, String token, Object body) {
    return send(
        request(path, token).header("Content-Type", "application/json").POST(json(body)).build());
  }

  /** A PUT of {@code body} as JSON, or without a body when it is null (a PUT of a relation). */
  public Reply put(String path, String token, Object body) {
    HttpRequest.Builder request = request(path, token);
    if (body == null) {
      return send(request.PUT(HttpRequest.BodyPublishers.noBody()).build());
    }
    return send(request.header("Content-Type", "application/json").PUT(json(body)).build());
  }

  public Reply patch(String path, String token, Object body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", json(body))
            .build());
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Reply reply = new Reply(response);
      listeners.forEach(listener -> listener.accept(reply));
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json, */*;q=0.5");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    return HttpRequest.BodyPublishers.ofString(text);
  }

  public static String toJson(Object value) {
    return JSON.writeValueAsString(value);
  }

  /** Parses JSON text, e.g. an event read from a topic. */
  public static JsonNode parse(String json) {
    return JSON.readTree(json);
  }

  public static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A response with its body parsed as JSON when it is JSON. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public JsonNode json() {
      return JSON.readTree(response.body());
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
