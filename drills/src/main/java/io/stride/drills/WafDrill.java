package io.stride.drills;

import static io.stride.platform.test.HttpJson.object;

import io.stride.infra.ManagedProcess;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.Multipart;
import io.stride.platform.test.OAuthFlows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Apache httpd with ModSecurity and the OWASP CRS (Debian's packages, Stride's tuning from
 * k8s/edge/waf/) in front of the gateway: a set of attacks must get the WAF's 403, and a whole
 * normal journey — registration, sign-in, tokens, JSON writes, a GPX and a FIT upload, streams, a
 * tracker's device flow and readings — must pass with no 403.
 */
final class WafDrill {

  private static final String PASSWORD = "Ada's 10k plan: <4'30\"/km> & 100% fun; -- really!";
  static final String APACHE = "/usr/sbin/apache2";
  private static final Pattern RULE_ID = Pattern.compile("\\[id \"(\\d+)\"]");
  private static final Pattern UNIQUE_ID = Pattern.compile("\\[unique_id \"([^\"]+)\"]");

  /** What one request got; {@code uniqueId} finds the rules it matched in the WAF's log. */
  private record Result(String name, int status, String uniqueId, boolean passed, String detail) {}

  private WafDrill() {}

  static void run(Edge edge, Report report) throws Exception {
    report.section("WAF: Apache + ModSecurity + OWASP CRS (Debian) in front of the gateway");
    List<String> command =
        command(edge.work(), edge.repositoryRoot(), edge.port(), edge.gatewayPort());
    try (ManagedProcess waf =
        edge.startFront("waf", command, edge.url() + "/.well-known/openid-configuration")) {
      List<Result> journey = journey(edge);
      List<Result> attacks = attacks(edge);
      Map<String, Set<String>> rules = rulesByRequest(edge.work().resolve("waf-error.log"));
      print(report, "normal journey", journey, rules);
      print(report, "attacks", attacks, rules);
      long passed = journey.stream().filter(Result::passed).count();
      long blocked = attacks.stream().filter(Result::passed).count();
      report.check(
          "normal journey requests passed (no false positive)",
          passed + " of " + journey.size(),
          "all",
          passed == journey.size());
      report.check(
          "attack requests blocked with 403",
          blocked + " of " + attacks.size(),
          "all",
          blocked == attacks.size());
    }
  }

  /**
   * Writes the WAF's configuration into {@code work}: Apache on {@code port} in front of {@code
   * backendPort}, with Stride's CRS tuning from the checkout at {@code repositoryRoot}; returns the
   * command that runs it in the foreground.
   */
  static List<String> command(Path work, Path repositoryRoot, int port, int backendPort)
      throws IOException {
    Files.writeString(work.resolve("modsecurity.conf"), blocking(work));
    Path config =
        Edge.render(
            work,
            "waf-apache.conf",
            Map.of(
                "work", work,
                "repo", repositoryRoot,
                "edgePort", port,
                "gatewayPort", backendPort));
    return List.of(APACHE, "-f", config.toString(), "-DFOREGROUND");
  }

  /**
   * Debian's recommended ModSecurity configuration, switched to blocking, limits as the gateway's.
   */
  private static String blocking(Path work) throws IOException {
    String recommended =
        Files.readString(Path.of("/etc/modsecurity/modsecurity.conf-recommended"))
            .replace("SecRuleEngine DetectionOnly", "SecRuleEngine On")
            .replace("SecRequestBodyLimit 13107200", "SecRequestBodyLimit 27262976")
            .replace("SecRequestBodyNoFilesLimit 131072", "SecRequestBodyNoFilesLimit 1048576")
            .replace(
                "/var/log/apache2/modsec_audit.log", work.resolve("modsec-audit.log").toString())
            .replace(
                "SecUnicodeMapFile unicode.mapping",
                "SecUnicodeMapFile /etc/modsecurity/unicode.mapping");
    return recommended + "\nHeader always set X-Stride-Waf-Id \"%{UNIQUE_ID}e\"\n";
  }

  private static List<Result> journey(Edge edge) throws Exception {
    String base = edge.url();
    HttpJson http = new HttpJson(base);
    List<Result> results = new ArrayList<>();
    Step step = new Step(results);
    step.expect(
        "GET OIDC discovery", 200, () -> http.get("/.well-known/openid-configuration", null));
    step.expect("GET JWKS", 200, () -> http.get("/oauth2/jwks", null));
    step.expect("GET the API document", 200, () -> http.get("/api/v1/openapi.json", null));
    step.expect("GET the API reference page", 200, () -> http.get("/api/docs", null));
    step.expect("GET the registration page", 200, () -> http.get("/register", null));
    String email = "waf-" + UUID.randomUUID() + "@example.com";
    step.expect(
        "POST a registration (JSON, a password full of punctuation)",
        202,
        () ->
            http.post(
                "/api/v1/accounts",
                null,
                object("email", email, "password", PASSWORD, "displayName", "Ada O'Brien")));

    JsonTokens tokens = new JsonTokens();
    step.run(
        "sign-in: authorize, login form, code, token (PKCE)",
        () -> {
          var answer =
              new OAuthFlows(base).signInWithMobileApp(email, PASSWORD, Athlete.APP_SCOPES);
          tokens.access = answer.get("access_token").asString();
          tokens.refresh = answer.get("refresh_token").asString();
        });
    step.expect(
        "POST refresh token grant",
        200,
        () -> {
          Reply reply = new OAuthFlows(base).refresh(OAuthFlows.MOBILE_CLIENT, tokens.refresh);
          if (reply.status() == 200) {
            tokens.access = reply.json().get("access_token").asString();
          }
          return reply;
        });
    step.expect("GET userinfo", 200, () -> http.get("/userinfo", tokens.access));
    step.run(
        "GET the new profile (created from the event)", () -> awaitProfile(http, tokens.access));
    step.expect(
        "PATCH the profile (JSON)",
        200,
        () ->
            http.patch(
                "/api/v1/profiles/me",
                tokens.access,
                object(
                    "displayName", "Ada O'Brien-Smith",
                    "heightCm", 168,
                    "weightKg", 61.5,
                    "maxHeartRate", 188,
                    "restingHeartRate", 48)));

    Map<String, String> ids = new LinkedHashMap<>();
    step.expect(
        "POST a workout (JSON, free text with quotes and symbols)",
        201,
        () -> {
          Reply reply =
              http.send(
                  http.request("/api/v1/workouts", tokens.access)
                      .header("Content-Type", "application/json")
                      .header("Idempotency-Key", UUID.randomUUID().toString())
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              HttpJson.toJson(
                                  object(
                                      "sport", "run",
                                      "startTime", "2026-11-28T07:30:00Z",
                                      "durationSeconds", 3120,
                                      "distanceMeters", 10020.5,
                                      "title", "Tempo Tuesday: 3 x 2 km @ 4'05\"/km",
                                      "notes",
                                          "Warm-up 15', then 3 × 2 km with 90\" rest. Legs felt"
                                              + " great & the hill (5%) was fine; next time: select"
                                              + " the river route, drop the last rep if HR > 180!",
                                      "visibility", "followers"))))
                      .build());
          if (reply.status() == 201) {
            ids.put("manual", reply.json().get("id").asString());
          }
          return reply;
        });
    step.expect(
        "PATCH the workout (JSON)",
        200,
        () ->
            http.patch(
                "/api/v1/workouts/" + ids.get("manual"),
                tokens.access,
                object("title", "Tempo — 3 × 2 km", "notes", "Rain; shoes: Pegasus 41 (#2)")));
    step.expect(
        "GET the workout list with filters",
        200,
        () ->
            http.get(
                "/api/v1/workouts?sport=run&from=2026-01-01T00:00:00Z&to=2026-12-31T23:59:59Z&limit=10",
                tokens.access));

    Path files = edge.repositoryRoot().resolve("workout-service/src/test/resources/activity-files");
    upload(
        step,
        http,
        tokens,
        ids,
        "gpx",
        "cerknicko-jezero.gpx",
        Files.readAllBytes(files.resolve("gpxpy_cerknicko-jezero.gpx")));
    upload(
        step,
        http,
        tokens,
        ids,
        "fit",
        "run.fit",
        Files.readAllBytes(files.resolve("fitparse_garmin-fenix-5-run.fit")));
    step.expect(
        "GET the imported workout",
        200,
        () -> http.get("/api/v1/workouts/" + ids.get("gpx"), tokens.access));
    step.expect(
        "GET its streams",
        200,
        () ->
            http.get(
                "/api/v1/workouts/"
                    + ids.get("fit")
                    + "/streams?types=time,lat,lng,altitude,heart_rate,cadence&resolution=low",
                tokens.access));
    step.expect(
        "POST a privacy zone (JSON)",
        201,
        () ->
            http.post(
                "/api/v1/privacy-zones",
                tokens.access,
                object(
                    "latitude", 45.78, "longitude", 14.36, "radiusMeters", 400, "label", "Mum's")));
    step.expect(
        "GET the privacy zones", 200, () -> http.get("/api/v1/privacy-zones", tokens.access));

    // the tracker: device flow, then readings (plain and gzip'd JSON)
    BrowserSession browser = new BrowserSession(base);
    OAuthFlows oauth = new OAuthFlows(base);
    Map<String, String> device = new LinkedHashMap<>();
    step.expect(
        "POST device authorization (tracker)",
        200,
        () -> {
          Reply reply = oauth.deviceAuthorization("readings:write");
          if (reply.status() == 200) {
            device.put("device_code", reply.json().get("device_code").asString());
            device.put("user_code", reply.json().get("user_code").asString());
          }
          return reply;
        });
    step.run(
        "approve the tracker: sign in, /activate, consent",
        () -> {
          browser.signIn(email, PASSWORD);
          var answer = oauth.approveDevice(browser, device.get("user_code"), "readings:write");
          if (!BrowserSession.isRedirect(answer)) {
            throw new IllegalStateException("approval answered " + answer.statusCode());
          }
        });
    step.expect(
        "POST the device token poll",
        200,
        () -> {
          Reply reply = oauth.pollDeviceToken(device.get("device_code"));
          if (reply.status() == 200) {
            tokens.device = reply.json().get("access_token").asString();
          }
          return reply;
        });
    String batch = readings(0);
    byte[] gzipped = gzip(readings(1));
    step.expect(
        "POST readings (JSON, 300 samples)",
        200,
        () -> http.post("/api/v1/readings", tokens.device, batch));
    step.expect(
        "POST readings (gzip'd JSON)",
        200,
        () ->
            http.send(
                http.request("/api/v1/readings", tokens.device)
                    .header("Content-Type", "application/json")
                    .header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped))
                    .build()));
    step.expect(
        "GET daily readings",
        200,
        () -> http.get("/api/v1/readings/daily?from=2026-11-01&to=2026-11-30", tokens.access));
    step.expect(
        "DELETE the manual workout",
        204,
        () -> http.delete("/api/v1/workouts/" + ids.get("manual"), tokens.access));
    return results;
  }

  private static void upload(
      Step step,
      HttpJson http,
      JsonTokens tokens,
      Map<String, String> ids,
      String kind,
      String fileName,
      byte[] content) {
    Map<String, String> importId = new LinkedHashMap<>();
    step.expect(
        "POST a " + kind.toUpperCase() + " upload (multipart)",
        202,
        () -> {
          Reply reply =
              http.send(
                  Multipart.fileUpload(
                      http,
                      "/api/v1/workouts/imports",
                      tokens.access,
                      fileName,
                      content,
                      Map.of("sport", "run")));
          if (reply.status() == 202) {
            importId.put("id", reply.json().get("id").asString());
          }
          return reply;
        });
    step.expect(
        "GET the " + kind.toUpperCase() + " import until done",
        200,
        () -> {
          Instant deadline = Instant.now().plusSeconds(30);
          while (true) {
            Reply reply = http.get("/api/v1/workouts/imports/" + importId.get("id"), tokens.access);
            String status = reply.status() == 200 ? reply.json().get("status").asString() : "";
            if (reply.status() != 200
                || status.equals("done")
                || status.equals("failed")
                || status.equals("duplicate")
                || Instant.now().isAfter(deadline)) {
              if (reply.status() == 200 && reply.json().has("workoutId")) {
                ids.put(kind, reply.json().get("workoutId").asString());
              }
              return reply;
            }
            Edge.pause(100);
          }
        });
  }

  private static List<Result> attacks(Edge edge) {
    HttpJson http = new HttpJson(edge.url());
    String token =
        Athlete.signUp(edge.url(), "Mallory", "correct horse battery staple").accessToken();
    List<Result> results = new ArrayList<>();
    Step step = new Step(results);
    for (Attacks.Attack attack : Attacks.against(edge.url(), token)) {
      step.blocked(attack.name(), () -> http.send(attack.request()));
    }
    return results;
  }

  private static void awaitProfile(HttpJson http, String token) {
    Instant deadline = Instant.now().plusSeconds(30);
    Reply reply;
    while ((reply = http.get("/api/v1/profiles/me", token)).status() != 200) {
      if (reply.status() == 403 || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("profile answered " + reply.status());
      }
      Edge.pause(100);
    }
  }

  private static String readings(int batch) {
    StringBuilder json =
        new StringBuilder(
            "{\"deviceId\":\"forerunner-265:3f9a\",\"batch\":" + batch + ",\"samples\":[");
    Instant start = Instant.parse("2026-11-28T07:30:00Z").plusSeconds(batch * 300L);
    for (int i = 0; i < 300; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"type\":\"heart_rate\",\"time\":\"")
          .append(start.plusSeconds(i))
          .append("\",\"value\":")
          .append(120 + i % 40)
          .append('}');
    }
    return json.append("]}").toString();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** ModSecurity's error log: the rule ids each request (by unique id) matched. */
  private static Map<String, Set<String>> rulesByRequest(Path errorLog) throws IOException {
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    if (!Files.exists(errorLog)) {
      return rules;
    }
    for (String line : Files.readAllLines(errorLog)) {
      Matcher unique = UNIQUE_ID.matcher(line);
      Matcher rule = RULE_ID.matcher(line);
      if (unique.find() && rule.find()) {
        rules.computeIfAbsent(unique.group(1), id -> new LinkedHashSet<>()).add(rule.group(1));
      }
    }
    return rules;
  }

  private static void print(
      Report report, String title, List<Result> results, Map<String, Set<String>> rules) {
    for (Result result : results) {
      Set<String> matched =
          result.uniqueId() == null ? Set.of() : rules.getOrDefault(result.uniqueId(), Set.of());
      report.note(
          (result.passed() ? "ok   " : "FAIL ") + title + ": " + result.name(),
          result.status()
              + (matched.isEmpty() ? "" : " rules " + String.join(",", matched))
              + (result.detail() == null ? "" : " " + result.detail()));
    }
  }

  /** The tokens the journey collects on its way. */
  private static final class JsonTokens {
    String access;
    String refresh;
    String device;
  }

  /** Runs one request of the drill and records what it got. */
  private record Step(List<Result> results) {

    void expect(String name, int status, Supplier<Reply> request) {
      try {
        Reply reply = request.get();
        boolean passed = reply.status() == status;
        results.add(
            new Result(
                name,
                reply.status(),
                reply.header("X-Stride-Waf-Id"),
                passed,
                passed ? null : abbreviate(reply.body())));
      } catch (RuntimeException | AssertionError e) {
        results.add(new Result(name, 0, null, false, e.toString()));
      }
    }

    /** A step made of several requests (a browser flow): passes when it completes. */
    void run(String name, ThrowingRunnable steps) {
      try {
        steps.run();
        results.add(new Result(name, 200, null, true, null));
      } catch (Exception | AssertionError e) {
        results.add(new Result(name, 0, null, false, abbreviate(e.toString())));
      }
    }

    /** An attack: passes when the WAF (not the gateway) answers 403. */
    void blocked(String name, Supplier<Reply> request) {
      try {
        Reply reply = request.get();
        int status = reply.status();
        String wafId = reply.header("X-Stride-Waf-Id");
        boolean fromGateway = String.valueOf(reply.contentType()).contains("problem+json");
        results.add(
            new Result(
                name,
                status,
                wafId,
                status == 403 && !fromGateway,
                fromGateway ? "answered by the gateway, not the WAF" : null));
      } catch (RuntimeException e) {
        results.add(new Result(name, 0, null, false, e.toString()));
      }
    }

    private static String abbreviate(String text) {
      String flat = text == null ? "" : text.replaceAll("\\s+", " ");
      return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
