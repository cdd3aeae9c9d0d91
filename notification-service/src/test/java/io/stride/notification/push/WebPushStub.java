package io.stride.notification.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.stride.platform.test.HttpJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;

/**
 * A Web Push service (RFC 8030) in the test JVM, over real TLS (a certificate made with keytool for
 * 127.0.0.1, which the service under test trusts through an SSL bundle). Like a real one it checks
 * what it is sent before taking it: the VAPID JWT (RFC 8292) is ES256 and verifies under the {@code
 * k=} key, which is the key the browser subscribed with, its {@code aud} is this origin and it has
 * not expired; TTL, Urgency and {@code Content-Encoding: aes128gcm} are there; and the body
 * decrypts with the browser's private key. Anything wrong is answered 400 and kept in {@link
 * #problems()}. Each endpoint answers what a test scripted (e.g. 503, then 201; 410).
 */
public final class WebPushStub {

  /** One push as the browser got it. */
  public record Received(JsonNode message, Map<String, String> headers, Instant at) {}

  private record Browser(TestBrowser keys, String applicationServerKey) {}

  private final HttpsServer server;
  private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
  private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  WebPushStub(Path keyStore, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/push/", this::handle);
    server.start();
  }

  public String origin() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A new endpoint for this browser, which subscribed with {@code applicationServerKey}. */
  public String subscribe(TestBrowser browser, String applicationServerKey) {
    String id = UUID.randomUUID().toString();
    browsers.put(id, new Browser(browser, applicationServerKey));
    return origin() + "/push/" + id;
  }

  /** The statuses the endpoint answers next, in order (then 201). */
  public void answer(String endpoint, Integer... statuses) {
    scripts.computeIfAbsent(id(endpoint), key -> new ArrayDeque<>()).addAll(List.of(statuses));
  }

  public List<Received> received(String endpoint) {
    return List.copyOf(received.getOrDefault(id(endpoint), List.of()));
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  private static String id(String endpoint) {
    return endpoint.substring(endpoint.lastIndexOf('/') + 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = id(exchange.getRequestURI().getPath());
      byte[] body = exchange.getRequestBody().readAllBytes();
      Browser browser = browsers.get(id);
      if (browser == null || !"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      Deque<Integer> script = scripts.getOrDefault(id, new ArrayDeque<>());
      Integer scripted;
      synchronized (script) {
        scripted = script.poll();
      }
      if (scripted != null && scripted != 201) {
        exchange.sendResponseHeaders(scripted, -1);
        return;
      }
      String problem;
      JsonNode message = null;
      try {
        problem = checkHeaders(exchange, browser);
        if (problem == null) {
          message = HttpJson.parse(browser.keys().decrypt(body));
        }
      } catch (Exception e) {
        problem = "cannot read the push: " + e;
      }
      if (problem != null) {
        problems.add(problem);
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      received
          .computeIfAbsent(id, key -> new CopyOnWriteArrayList<>())
          .add(new Received(message, headers, Instant.now()));
      exchange.getResponseHeaders().add("Location", origin() + "/message/" + UUID.randomUUID());
      exchange.sendResponseHeaders(201, -1);
    }
  }

  /** What is wrong with the request's headers, or null. */
  private String checkHeaders(HttpExchange exchange, Browser browser) throws Exception {
    var headers = exchange.getRequestHeaders();
    if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
      return "Content-Encoding is " + headers.getFirst("Content-Encoding");
    }
    String ttl = headers.getFirst("TTL");
    if (ttl == null || !ttl.matches("\\d+")) {
      return "TTL is " + ttl;
    }
    if (!List.of("very-low", "low", "normal", "high").contains(headers.getFirst("Urgency"))) {
      return "Urgency is " + headers.getFirst("Urgency");
    }
    String topic = headers.getFirst("Topic");
    if (topic != null && !topic.matches("[A-Za-z0-9_-]{1,32}")) {
      return "Topic is " + topic;
    }
    String authorization = headers.getFirst("Authorization");
    if (authorization == null
        || !authorization.matches("vapid t=[A-Za-z0-9_.-]+, k=[A-Za-z0-9_-]+")) {
      return "Authorization is not vapid t=…, k=…";
    }
    String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
    String key = authorization.substring(authorization.indexOf("k=") + 2);
    if (!key.equals(browser.applicationServerKey())) {
      return "k= is not the key the browser subscribed with";
    }
    String[] parts = token.split("\\.");
    Base64.Decoder decoder = Base64.getUrlDecoder();
    JsonNode header = HttpJson.parse(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
    if (!"ES256".equals(header.path("alg").asString(""))) {
      return "JWT alg is " + header.path("alg");
    }
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initVerify(P256.publicKey(decoder.decode(key)));
    signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!signature.verify(decoder.decode(parts[2]))) {
      return "the JWT signature does not verify under k=";
    }
    JsonNode claims = HttpJson.parse(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
    if (!origin().equals(claims.path("aud").asString(""))) {
      return "aud is " + claims.path("aud") + ", not " + origin();
    }
    long exp = claims.path("exp").asLong(0);
    long now = Instant.now().getEpochSecond();
    if (exp <= now || exp > now + 24 * 3600) {
      return "exp is not within the next 24 hours";
    }
    String sub = claims.path("sub").asString("");
    if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
      return "sub is " + sub;
    }
    return null;
  }
}
