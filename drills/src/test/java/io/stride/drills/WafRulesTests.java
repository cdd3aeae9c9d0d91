package io.stride.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stride.infra.FreePorts;
import io.stride.infra.ManagedProcess;
import io.stride.platform.test.MissingTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stride's CRS tuning (k8s/edge/waf/, loaded by every WAF) under Debian's ModSecurity and CRS,
 * without the stack: Apache in front of a server that answers 200 to anything. What the tuning lets
 * through must reach it; every attack of the drill, and what the exclusions still cover elsewhere,
 * must get 403. Skipped without apache2, libapache2-mod-security2 and modsecurity-crs, unless
 * STRIDE_WAF_TESTS=required (.ci/run installs them).
 */
class WafRulesTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String UUID = "0b0c2f3e-8f4e-4c1a-9e8a-1234567890ab";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static HttpServer backend;
  private static ManagedProcess waf;
  private static String base;

  @BeforeAll
  static void startTheWafInFrontOfAServerThatAnswersEverything() throws IOException {
    if (!Files.isExecutable(Path.of(WafDrill.APACHE))
        || !Files.exists(Path.of("/usr/lib/apache2/modules/mod_security2.so"))
        || !Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules"))) {
      MissingTool.skipOrFail(
          "Apache with ModSecurity and the OWASP CRS not installed (Debian: apt-get install"
              + " apache2 libapache2-mod-security2 modsecurity-crs)",
          "STRIDE_WAF_TESTS");
    }
    backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    backend.start();
    Path work = Files.createTempDirectory("stride-waf-rules");
    int port = FreePorts.find();
    base = "http://localhost:" + port;
    waf =
        Edge.startFront(
            work,
            "waf",
            WafDrill.command(work, ROOT, port, backend.getAddress().getPort()),
            base + "/");
  }

  @AfterAll
  static void stop() {
    if (waf != null) {
      waf.stop();
    }
    if (backend != null) {
      backend.stop(0);
    }
  }

  static Stream<Attacks.Attack> attacks() {
    return Attacks.against(base, "a-token").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void everyAttackOfTheDrillIsRefused(Attacks.Attack attack) throws Exception {
    assertThat(send(attack.request()).statusCode()).as(attack.name()).isEqualTo(403);
  }

  @Test
  void nativeAppsLoopbackRedirectsPassOnTheOAuthEndpointsOnly() throws Exception {
    String redirect = "redirect_uri=http%3A%2F%2F127.0.0.1%3A47123%2Fcallback";
    assertThat(get("/oauth2/authorize?response_type=code&client_id=stride-mobile&" + redirect))
        .isEqualTo(200);
    assertThat(status(form("/oauth2/token", "grant_type=authorization_code&code=abc&" + redirect)))
        .isEqualTo(200);
    assertThat(
            get(
                "/connect/logout?post_logout_redirect_uri="
                    + "http%3A%2F%2F127.0.0.1%3A47123%2Fsigned-out"))
        .isEqualTo(200);
    assertThat(get("/api/v1/workouts?next=http%3A%2F%2F10.0.0.1%2Fshell.txt"))
        .as("an IP-address URL anywhere else is still a remote file inclusion")
        .isEqualTo(403);
  }

  @Test
  void gzipdReadingBatchesPassButOtherCompressedBodiesDoNot() throws Exception {
    byte[] batch =
        gzip(
            "{\"deviceId\":\"forerunner-265:3f9a\",\"batch\":1,\"samples\":"
                + "[{\"type\":\"heart_rate\",\"time\":\"2026-11-28T07:30:00Z\",\"value\":120}]}");
    assertThat(status(gzipped("/api/v1/readings", batch))).isEqualTo(200);
    assertThat(status(gzipped("/api/v1/workouts", batch)))
        .as("refused by the WAF: its body cannot be parsed, the header is restricted")
        .isIn(400, 403);
  }

  @Test
  void theApisMethodsAndEverydayTextPass() throws Exception {
    assertThat(status(json("PATCH", "/api/v1/profiles/me", "{\"displayName\":\"Ada O'Brien\"}")))
        .isEqualTo(200);
    assertThat(
            status(
                json(
                    "PUT",
                    "/api/v1/privacy-zones/" + UUID,
                    "{\"radiusMeters\":400,\"label\":\"Mum's\"}")))
        .isEqualTo(200);
    assertThat(status(request("/api/v1/workouts/" + UUID).DELETE().build())).isEqualTo(200);
    assertThat(
            status(
                json(
                    "POST",
                    "/api/v1/workouts",
                    "{\"title\":\"Tempo Tuesday: 3 x 2 km @ 4'05\\\"/km\",\"notes\":\"Warm-up 15',"
                        + " then 3 × 2 km with 90\\\" rest. Legs felt great & the hill (5%) was"
                        + " fine; next time: select the river route, drop the last rep if HR >"
                        + " 180!\"}")))
        .isEqualTo(200);
    assertThat(get("/api/v1/workouts/" + UUID + "/streams?types=time,lat,lng,heart_rate"))
        .isEqualTo(200);
  }

  @Test
  void aBinaryFitUploadPasses() throws Exception {
    byte[] fit =
        Files.readAllBytes(
            ROOT.resolve(
                "workout-service/src/test/resources/activity-files/fitparse_garmin-fenix-5-run.fit"));
    String boundary = "stride-" + UUID;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"run.fit\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(fit);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(
            status(
                request("/api/v1/workouts/imports")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build()))
        .isEqualTo(200);
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer t");
  }

  private static int get(String path) throws Exception {
    return status(request(path).GET().build());
  }

  private static HttpRequest json(String method, String path, String body) {
    return request(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpRequest form(String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpRequest gzipped(String path, byte[] body) {
    return request(path)
        .header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static int status(HttpRequest request) throws Exception {
    return send(request).statusCode();
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
