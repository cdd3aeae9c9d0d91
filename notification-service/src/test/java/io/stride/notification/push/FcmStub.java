package io.stride.notification.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stride.platform.test.HttpJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * FCM's HTTP v1 API and Google's OAuth2 token endpoint in the test JVM. The token endpoint takes
 * only a JWT-bearer grant (RFC 7523) whose assertion is RS256-signed by the service account's key
 * (made here), issued by its client email, for Google's token endpoint, asking the
 * firebase.messaging scope; it answers with a random access token. {@code messages:send} takes only
 * a token the endpoint issued, on the right project, and a v1 message with a token, a title and
 * body and string data. Anything wrong is answered 400/401 and kept in {@link #problems()}. A
 * device token answers what a test scripted: a status, or {@code UNREGISTERED} (404 with FCM's
 * error body).
 */
public final class FcmStub {

  static final String PROJECT = "stride-test";
  static final String CLIENT_EMAIL = "stride-push@stride-test.iam.gserviceaccount.com";
  static final String UNREGISTERED = "UNREGISTERED";
  static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

  /** One message as the device got it. */
  public record Received(JsonNode message, Instant at) {}

  private final HttpServer server;
  private final KeyPair serviceAccount;
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final Map<String, Deque<String>> scripts = new ConcurrentHashMap<>();
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  FcmStub() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    serviceAccount = generator.generateKeyPair();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::token);
    server.createContext("/v1/", this::send);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String tokenUri() {
    return url() + "/token";
  }

  /** The service account's JSON key file, as the Firebase console gives it. */
  String serviceAccountJson() {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(serviceAccount.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Map<String, String> key = new HashMap<>();
    key.put("type", "service_account");
    key.put("project_id", PROJECT);
    key.put("private_key_id", "test-key-1");
    key.put("private_key", pem);
    key.put("client_email", CLIENT_EMAIL);
    key.put("client_id", "100000000000000000001");
    key.put("token_uri", tokenUri());
    return HttpJson.toJson(key);
  }

  /** A new registration token of an app on a device. */
  public String newDeviceToken() {
    return "device-"
        + UUID.randomUUID()
        + ":APA91b"
        + UUID.randomUUID().toString().replace("-", "");
  }

  /** What the device token answers next, in order (then 200): a status or UNREGISTERED. */
  public void answer(String deviceToken, String... answers) {
    scripts.computeIfAbsent(deviceToken, key -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  public List<Received> received(String deviceToken) {
    return List.copyOf(received.getOrDefault(deviceToken, List.of()));
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String problem = checkGrant(form);
      if (problem != null) {
        problems.add("token endpoint: " + problem);
        reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      String accessToken = "ya29.stub-" + UUID.randomUUID();
      issued.add(accessToken);
      reply(
          exchange,
          200,
          "{\"access_token\":\""
              + accessToken
              + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
    }
  }

  private String checkGrant(Map<String, String> form) {
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      return "grant_type is " + form.get("grant_type");
    }
    String assertion = form.get("assertion");
    if (assertion == null || assertion.split("\\.").length != 3) {
      return "no JWT assertion";
    }
    String[] parts = assertion.split("\\.");
    Base64.Decoder decoder = Base64.getUrlDecoder();
    try {
      JsonNode header =
          HttpJson.parse(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
      if (!"RS256".equals(header.path("alg").asString(""))) {
        return "alg is " + header.path("alg");
      }
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(serviceAccount.getPublic());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(decoder.decode(parts[2]))) {
        return "the assertion is not signed by the service account's key";
      }
      JsonNode claims =
          HttpJson.parse(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
      if (!CLIENT_EMAIL.equals(claims.path("iss").asString(""))) {
        return "iss is " + claims.path("iss");
      }
      // Google's token endpoint takes assertions for its own address, whatever token_uri says
      if (!GOOGLE_TOKEN_AUDIENCE.equals(claims.path("aud").asString(""))) {
        return "aud is " + claims.path("aud");
      }
      if (!List.of(claims.path("scope").asString("").split(" ")).contains(FcmClient.SCOPE)) {
        return "scope is " + claims.path("scope");
      }
      if (claims.path("exp").asLong(0) <= Instant.now().getEpochSecond()) {
        return "the assertion expired";
      }
      return null;
    } catch (Exception e) {
      return "unreadable assertion: " + e;
    }
  }

  private void send(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null
          || !authorization.startsWith("Bearer ")
          || !issued.contains(authorization.substring(7))) {
        problems.add("send: a bearer token the token endpoint did not issue");
        reply(exchange, 401, error(401, "UNAUTHENTICATED", null));
        return;
      }
      if (!exchange.getRequestURI().getPath().equals("/v1/projects/" + PROJECT + "/messages:send")
          || !"POST".equals(exchange.getRequestMethod())) {
        problems.add("send: " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
        reply(exchange, 404, error(404, "NOT_FOUND", null));
        return;
      }
      JsonNode message;
      try {
        message = HttpJson.parse(body).path("message");
      } catch (RuntimeException e) {
        message = null;
      }
      String problem = checkMessage(message);
      if (problem != null) {
        problems.add("send: " + problem);
        reply(exchange, 400, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
        return;
      }
      String deviceToken = message.path("token").asString("");
      Deque<String> script = scripts.getOrDefault(deviceToken, new ArrayDeque<>());
      String scripted;
      synchronized (script) {
        scripted = script.poll();
      }
      if (UNREGISTERED.equals(scripted)) {
        reply(exchange, 404, error(404, "NOT_FOUND", UNREGISTERED));
        return;
      }
      if (scripted != null && !scripted.equals("200")) {
        int status = Integer.parseInt(scripted);
        reply(exchange, status, error(status, "UNAVAILABLE", "UNAVAILABLE"));
        return;
      }
      received
          .computeIfAbsent(deviceToken, key -> new CopyOnWriteArrayList<>())
          .add(new Received(message, Instant.now()));
      reply(
          exchange,
          200,
          "{\"name\":\"projects/" + PROJECT + "/messages/" + UUID.randomUUID() + "\"}");
    }
  }

  private static String checkMessage(JsonNode message) {
    if (message == null || !message.isObject()) {
      return "no message object";
    }
    if (message.path("token").asString("").isEmpty()) {
      return "no token";
    }
    if (message.path("notification").path("title").asString("").isEmpty()
        || message.path("notification").path("body").asString("").isEmpty()) {
      return "no notification title and body";
    }
    for (var field : message.path("data").properties()) {
      if (!field.getValue().isString()) {
        return "data." + field.getKey() + " is not a string";
      }
    }
    if (!List.of("NORMAL", "HIGH")
        .contains(message.path("android").path("priority").asString(""))) {
      return "android.priority is " + message.path("android").path("priority");
    }
    if (!message.path("android").path("ttl").asString("").matches("\\d+(\\.\\d+)?s")) {
      return "android.ttl is " + message.path("android").path("ttl");
    }
    return null;
  }

  private static String error(int code, String status, String errorCode) {
    String details =
        errorCode == null
            ? "[]"
            : "[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\""
                + errorCode
                + "\"}]";
    return "{\"error\":{\"code\":"
        + code
        + ",\"message\":\"stub\",\"status\":\""
        + status
        + "\",\"details\":"
        + details
        + "}}";
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
