package io.stride.integration.connectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Strava (127.0.0.1, port 0) speaking its API v3 formats as documented at
 * https://developers.strava.com/docs/: {@code POST /oauth/token} (authorization_code and
 * refresh_token grants, form-encoded, answering {@code access_token}, {@code refresh_token}, {@code
 * expires_at}, {@code athlete}), {@code GET /api/v3/athlete/activities?after=&page=&per_page=}
 * (SummaryActivity objects, oldest first when {@code after} is given), {@code GET
 * /api/v3/activities/{id}/streams?keys=&key_by_type=true} (StreamSet), {@code POST
 * /oauth/deauthorize}; Bearer tokens, the {@code X-RateLimit-*} and {@code X-ReadRateLimit-*}
 * headers, 401 for a token it does not know and 429 when told to.
 */
final class StravaStub implements AutoCloseable {

  static final String CLIENT_ID = "98765";
  static final String CLIENT_SECRET = "stub-client-secret";

  /** One athlete on the stub, with their activities (summary JSON) and streams by activity id. */
  static final class Athlete {
    final long id;
    final List<Map<String, Object>> activities = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, Object>> streams = new ConcurrentHashMap<>();

    Athlete(long id) {
      this.id = id;
    }

    /** A recorded activity of {@code points} seconds with positions, heart rate and altitude. */
    Athlete recorded(
        long activityId, String sportType, Instant start, int points, String visibility) {
      Map<String, Object> summary = summary(activityId, sportType, start, points, false);
      summary.put("visibility", visibility);
      activities.add(summary);
      List<Integer> time = new ArrayList<>();
      List<List<Double>> latlng = new ArrayList<>();
      List<Double> distance = new ArrayList<>();
      List<Double> altitude = new ArrayList<>();
      List<Integer> heartRate = new ArrayList<>();
      for (int i = 0; i < points; i++) {
        time.add(i);
        latlng.add(List.of(52.52 + i * 0.00003, 13.405));
        distance.add(i * 3.3);
        altitude.add(34.0 + (i % 10));
        heartRate.add(120 + (i % 30));
      }
      Map<String, Object> set = new LinkedHashMap<>();
      set.put("time", stream(time));
      set.put("latlng", stream(latlng));
      set.put("distance", stream(distance));
      set.put("altitude", stream(altitude));
      set.put("heartrate", stream(heartRate));
      streams.put(Long.toString(activityId), set);
      return this;
    }

    /** An activity typed in by hand: no streams. */
    Athlete manual(long activityId, Instant start) {
      activities.add(summary(activityId, "Yoga", start, 1800, true));
      return this;
    }

    private static Map<String, Object> summary(
        long id, String sportType, Instant start, int seconds, boolean manual) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("id", id);
      summary.put("resource_state", 2);
      summary.put("name", "Activity " + id);
      summary.put("type", sportType);
      summary.put("sport_type", sportType);
      summary.put("start_date", start.toString());
      summary.put("start_date_local", start.toString());
      summary.put("elapsed_time", seconds);
      summary.put("moving_time", seconds);
      summary.put("distance", seconds * 3.3);
      summary.put("manual", manual);
      summary.put("private", false);
      summary.put("visibility", "everyone");
      return summary;
    }

    private static Map<String, Object> stream(List<?> data) {
      Map<String, Object> stream = new LinkedHashMap<>();
      stream.put("data", data);
      stream.put("series_type", "time");
      stream.put("original_size", data.size());
      stream.put("resolution", "high");
      return stream;
    }
  }

  private final HttpServer server;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<Long, Athlete> athletes = new ConcurrentHashMap<>();
  private final Map<String, Long> codes = new ConcurrentHashMap<>();
  private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Long> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger apiRequests = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final List<String> deauthorized = new CopyOnWriteArrayList<>();
  private volatile long accessTokenSeconds = 6 * 3600;
  private volatile int[] reportedUsage;
  private volatile boolean limiting;

  StravaStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/oauth/token", this::token);
    server.createContext("/oauth/deauthorize", this::deauthorize);
    server.createContext("/api/v3/athlete/activities", this::activities);
    server.createContext("/api/v3/activities/", this::streams);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Athlete athlete() {
    long id = 10_000_000L + athletes.size() + (long) (Math.random() * 1_000_000);
    Athlete athlete = new Athlete(id);
    athletes.put(id, athlete);
    return athlete;
  }

  /** A code the consent page would give for the athlete. */
  String codeFor(Athlete athlete) {
    String code = UUID.randomUUID().toString().replace("-", "");
    codes.put(code, athlete.id);
    return code;
  }

  /** Access tokens issued from now on expire after this many seconds. */
  void accessTokensLast(long seconds) {
    accessTokenSeconds = seconds;
  }

  /** The athlete revoked Stride at Strava: every token of theirs stops working. */
  void revoke(Athlete athlete) {
    accessTokens.values().removeIf(id -> id == athlete.id);
    refreshTokens.values().removeIf(id -> id == athlete.id);
  }

  /** Answer with these read usage counts (15-minute, daily) instead of the stub's own. */
  void reportUsage(int shortUsed, int dailyUsed) {
    reportedUsage = new int[] {shortUsed, dailyUsed};
  }

  /** Answer every API request with 429 (and usage at the limit). */
  void limit(boolean on) {
    limiting = on;
  }

  int apiRequests() {
    return apiRequests.get();
  }

  int refreshes() {
    return refreshes.get();
  }

  List<String> deauthorized() {
    return deauthorized;
  }

  void reset() {
    reportedUsage = null;
    limiting = false;
    accessTokenSeconds = 6 * 3600;
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      answer(
          exchange,
          401,
          Map.of(
              "message",
              "Authorization Error",
              "errors",
              List.of(Map.of("resource", "Application", "field", "client_id", "code", "invalid"))));
      return;
    }
    Long athlete =
        switch (form.getOrDefault("grant_type", "")) {
          case "authorization_code" -> codes.remove(form.getOrDefault("code", ""));
          case "refresh_token" -> refreshTokens.remove(form.getOrDefault("refresh_token", ""));
          default -> null;
        };
    if (athlete == null) {
      answer(
          exchange,
          400,
          Map.of(
              "message",
              "Bad Request",
              "errors",
              List.of(
                  Map.of("resource", "AuthorizationCode", "field", "code", "code", "invalid"))));
      return;
    }
    if ("refresh_token".equals(form.get("grant_type"))) {
      refreshes.incrementAndGet();
    }
    String access = "stub-access-" + UUID.randomUUID();
    String refresh = "stub-refresh-" + UUID.randomUUID();
    accessTokens.put(access, athlete);
    refreshTokens.put(refresh, athlete);
    long expiresAt = Instant.now().getEpochSecond() + accessTokenSeconds;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "Bearer");
    body.put("expires_at", expiresAt);
    body.put("expires_in", accessTokenSeconds);
    body.put("refresh_token", refresh);
    body.put("access_token", access);
    if ("authorization_code".equals(form.get("grant_type"))) {
      body.put("athlete", Map.of("id", athlete, "firstname", "Jo", "lastname", "Runner"));
    }
    answer(exchange, 200, body);
  }

  private void deauthorize(HttpExchange exchange) throws IOException {
    String token = form(exchange).getOrDefault("access_token", "");
    Long athlete = accessTokens.remove(token);
    if (athlete == null) {
      answer(exchange, 401, Map.of("message", "Authorization Error"));
      return;
    }
    deauthorized.add(Long.toString(athlete));
    refreshTokens.values().removeIf(id -> id.equals(athlete));
    answer(exchange, 200, Map.of("access_token", token));
  }

  private void activities(HttpExchange exchange) throws IOException {
    Athlete athlete = authorized(exchange);
    if (athlete == null) {
      return;
    }
    Map<String, String> query = query(exchange);
    long after = Long.parseLong(query.getOrDefault("after", "0"));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
    List<Map<String, Object>> listed =
        athlete.activities.stream()
            .filter(a -> Instant.parse((String) a.get("start_date")).getEpochSecond() > after)
            .sorted(Comparator.comparing(a -> (String) a.get("start_date")))
            .skip((long) (page - 1) * perPage)
            .limit(perPage)
            .toList();
    answer(exchange, 200, listed);
  }

  private void streams(HttpExchange exchange) throws IOException {
    Athlete athlete = authorized(exchange);
    if (athlete == null) {
      return;
    }
    String[] parts = exchange.getRequestURI().getPath().split("/");
    // /api/v3/activities/{id}/streams
    Map<String, Object> set = parts.length == 6 ? athlete.streams.get(parts[4]) : null;
    if (set == null) {
      answer(exchange, 404, Map.of("message", "Record Not Found"));
      return;
    }
    answer(exchange, 200, set);
  }

  private Athlete authorized(HttpExchange exchange) throws IOException {
    int used = apiRequests.incrementAndGet();
    int[] usage = reportedUsage != null ? reportedUsage : new int[] {used % 100, used};
    if (limiting) {
      usage = new int[] {100, usage[1]};
    }
    exchange.getResponseHeaders().add("X-RateLimit-Limit", "200,2000");
    exchange.getResponseHeaders().add("X-RateLimit-Usage", usage[0] + "," + usage[1]);
    exchange.getResponseHeaders().add("X-ReadRateLimit-Limit", "100,1000");
    exchange.getResponseHeaders().add("X-ReadRateLimit-Usage", usage[0] + "," + usage[1]);
    if (limiting) {
      answer(exchange, 429, Map.of("message", "Rate Limit Exceeded"));
      return null;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    Long id = header == null ? null : accessTokens.get(header.replaceFirst("^Bearer ", ""));
    if (id == null) {
      answer(
          exchange,
          401,
          Map.of(
              "message",
              "Authorization Error",
              "errors",
              List.of(Map.of("resource", "Athlete", "field", "access_token", "code", "invalid"))));
      return null;
    }
    return athletes.get(id);
  }

  private void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    return pairs(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    return pairs(query == null ? "" : query);
  }

  private static Map<String, String> pairs(String encoded) {
    Map<String, String> pairs = new HashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        pairs.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return pairs;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
