package io.stride.bench;

import static io.stride.platform.test.HttpJson.object;

import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.Multipart;
import io.stride.platform.test.OAuthFlows;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

/**
 * workout-service's numbers: tracker ingestion through the gateway against PostgreSQL COPY into the
 * same table, import processing time of a 1 MB GPX and a 700 KB FIT, and the first page of the
 * workout list with 100,000 workouts in the table.
 */
final class WorkoutBenchmarks {

  static final String PASSWORD = "correct horse battery staple";
  private static final int DEVICES = Integer.getInteger("bench.devices", 16);
  private static final int BATCH = 500;

  private WorkoutBenchmarks() {}

  static void run(LocalStack stack, StackConfig config, Path work) throws Exception {
    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    HttpJson http = new HttpJson(gateway);
    String email = register(http, "Workout Bench");
    String app =
        new OAuthFlows(gateway)
            .signInWithMobileApp(email, PASSWORD, "workouts:read workouts:write")
            .get("access_token")
            .asString();
    imports(stack, http, app);
    ingestion(stack, gateway, http);
    workoutList(stack, config, app, work);
  }

  // ---- tracker ingestion -------------------------------------------------------------------

  private static void ingestion(LocalStack stack, String gateway, HttpJson http) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      tokens.add(deviceToken(gateway, http, register(http, "Tracker " + d)));
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong batchNumbers = new AtomicLong();
    // warm up until the rate settles (JIT on two busy cores), as for the gateway hop
    StringBuilder warmUp = new StringBuilder();
    double previous = 0;
    for (int round = 0; round < 8; round++) {
      double rate =
          runDevices(client, gateway, tokens, batchNumbers, Duration.ofSeconds(10))[0] / 10.0;
      warmUp.append(String.format("%.0f ", rate));
      if (previous > 0 && Math.abs(rate - previous) / previous < 0.05) {
        break;
      }
      previous = rate;
    }
    BenchmarkMain.row("Warm-up rounds (samples/s)", "%s", warmUp.toString().trim(), "", null);
    long[] measured = runDevices(client, gateway, tokens, batchNumbers, Duration.ofSeconds(30));
    double apiRate = measured[0] / 30.0;

    long copyRows = 1_000_000;
    double copyRate = copyRate(stack, copyRows);
    BenchmarkMain.row(
        "Readings via gateway, " + DEVICES + " devices x " + BATCH + "-sample batches",
        "%.0f samples/s (%d batches, %d errors)",
        new Object[] {apiRate, measured[1], measured[2]},
        "",
        measured[2] == 0);
    BenchmarkMain.row(
        "PostgreSQL COPY into the same indexed table",
        "%.0f rows/s (%d rows)",
        new Object[] {copyRate, copyRows},
        "(yardstick)",
        null);
    BenchmarkMain.row(
        "Readings API / COPY", "%.2f", apiRate / copyRate, ">= 0.30", apiRate / copyRate >= 0.30);
  }

  /** Devices post batches back to back for {@code duration}: samples stored, batches, errors. */
  private static long[] runDevices(
      HttpClient client, String gateway, List<String> tokens, AtomicLong numbers, Duration duration)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong stored = new AtomicLong();
    AtomicLong batches = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Future<?>> devices = new ArrayList<>();
    for (int d = 0; d < tokens.size(); d++) {
      String token = tokens.get(d);
      String device = "tracker-" + d;
      devices.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  long number = numbers.incrementAndGet();
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(gateway + "/api/v1/readings"))
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(batchJson(device, number)))
                          .build();
                  try {
                    HttpResponse<String> reply =
                        client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (reply.statusCode() == 200) {
                      stored.addAndGet(BATCH);
                      batches.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    Thread.sleep(duration.toMillis());
    running.set(false);
    for (Future<?> device : devices) {
      device.get();
    }
    pool.shutdown();
    return new long[] {stored.get(), batches.get(), errors.get()};
  }

  /** 500 heart-rate samples, one per second, in the device's batch-numbered second range. */
  private static String batchJson(String device, long number) {
    long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() + number * BATCH;
    StringBuilder json =
        new StringBuilder(BATCH * 72)
            .append("{\"deviceId\":\"")
            .append(device)
            .append("\",\"batch\":")
            .append(number)
            .append(",\"samples\":[");
    for (int i = 0; i < BATCH; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"type\":\"heart_rate\",\"time\":\"")
          .append(Instant.ofEpochSecond(start + i))
          .append("\",\"value\":")
          .append(60 + (i % 100))
          .append('}');
    }
    return json.append("]}").toString();
  }

  private static double copyRate(LocalStack stack, long rows) throws Exception {
    UUID user = UUID.randomUUID();
    long base = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    try (Connection connection = stack.postgres().dataSource().getConnection()) {
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long started = System.nanoTime();
      int chunk = 50_000;
      for (long from = 0; from < rows; from += chunk) {
        StringBuilder csv = new StringBuilder(chunk * 80);
        for (long i = from; i < Math.min(rows, from + chunk); i++) {
          csv.append(user)
              .append(",copy-device,1,")
              .append(Instant.ofEpochSecond(base + i))
              .append(',')
              .append(60 + (i % 100))
              .append('\n');
        }
        copy.copyIn(
            "copy workout.reading (user_id, device_id, type, time, value) from stdin (format csv)",
            new StringReader(csv.toString()));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      try (Statement cleanup = connection.createStatement()) {
        cleanup.execute("delete from workout.reading where user_id = '" + user + "'");
      }
      return rows / seconds;
    }
  }

  private static String deviceToken(String gateway, HttpJson http, String email) throws Exception {
    OAuthFlows oauth = new OAuthFlows(gateway);
    JsonNode codes = oauth.deviceAuthorization("readings:write").json();
    BrowserSession owner = new BrowserSession(gateway);
    owner.follow(owner.signIn(email, PASSWORD));
    oauth.approveDevice(owner, codes.get("user_code").asString(), "readings:write");
    for (int attempt = 0; attempt < 30; attempt++) {
      Thread.sleep(1_100);
      HttpJson.Reply token = oauth.pollDeviceToken(codes.get("device_code").asString());
      if (token.status() == 200) {
        return token.json().get("access_token").asString();
      }
    }
    throw new IllegalStateException("no device token for " + email);
  }

  // ---- imports -----------------------------------------------------------------------------

  private static void imports(LocalStack stack, HttpJson http, String app) throws Exception {
    Path root = stack.config().repositoryRoot();
    byte[] fit =
        Files.readAllBytes(
            root.resolve(
                "workout-service/src/test/resources/activity-files/"
                    + "fitparse_2019-02-17-062644-ELEMNT-297E-195-0.fit"));
    byte[] gpx = SyntheticGpx.ofSize(1_000_000);
    int warmUp = Integer.getInteger("bench.importWarmUp", 30);
    int measured = Integer.getInteger("bench.imports", 30);
    for (String kind : List.of("gpx", "fit")) {
      byte[] file = kind.equals("fit") ? fit : gpx;
      for (int i = 0; i < warmUp; i++) {
        importOnce(http, app, kind, file);
      }
      List<Double> processing = new ArrayList<>();
      List<Double> endToEnd = new ArrayList<>();
      for (int i = 0; i < measured; i++) {
        double[] times = importOnce(http, app, kind, file);
        processing.add(times[0]);
        endToEnd.add(times[1]);
      }
      Collections.sort(processing);
      Collections.sort(endToEnd);
      double p50 = processing.get(processing.size() / 2);
      BenchmarkMain.row(
          "Import " + (file.length / 1000) + " KB " + kind.toUpperCase() + ": processing",
          "p50 %.0f ms, p90 %.0f ms (upload to done p50 %.0f ms)",
          new Object[] {
            p50,
            processing.get((int) Math.ceil(processing.size() * 0.9) - 1),
            endToEnd.get(endToEnd.size() / 2)
          },
          "< 200 ms",
          p50 < 200);
    }
  }

  /** One import, waited for; the workout is deleted again so the next one is not a duplicate. */
  private static double[] importOnce(HttpJson http, String app, String kind, byte[] file)
      throws Exception {
    long started = System.nanoTime();
    HttpJson.Reply accepted =
        http.send(
            Multipart.fileUpload(
                http, "/api/v1/workouts/imports", app, "bench." + kind, file, Map.of()));
    if (accepted.status() != 202) {
      throw new IllegalStateException("import answered " + accepted);
    }
    String path = "/api/v1/workouts/imports/" + accepted.json().get("id").asString();
    while (true) {
      JsonNode status = http.get(path, app).json();
      switch (status.get("status").asString()) {
        case "done" -> {
          double endToEnd = (System.nanoTime() - started) / 1e6;
          http.delete("/api/v1/workouts/" + status.get("workoutId").asString(), app);
          return new double[] {status.get("processingMillis").asDouble(), endToEnd};
        }
        case "queued", "processing" -> Thread.sleep(5);
        default -> throw new IllegalStateException("import ended " + status);
      }
    }
  }

  // ---- workout list ------------------------------------------------------------------------

  private static void workoutList(LocalStack stack, StackConfig config, String app, Path work)
      throws Exception {
    String owner = OAuthFlows.claims(app).get("uid").asString();
    try (Connection connection = stack.postgres().dataSource().getConnection();
        Statement insert = connection.createStatement()) {
      String columns =
          "insert into workout.workout (id, owner_id, sport, title, visibility, start_time,"
              + " elapsed_seconds, moving_seconds, distance_m, source, created_at, updated_at,"
              + " version) ";
      insert.execute(
          columns
              + "select gen_random_uuid(), '"
              + owner
              + "', 'RUN', 'Run ' || g, 'PUBLIC', now() - g * interval '1 hour', 3600, 3500,"
              + " 10000, 'MANUAL', now(), now(), 0 from generate_series(1, 20000) g");
      insert.execute(
          columns
              + "select gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad((g % 80)::text, 12,"
              + " '0'))::uuid, 'RIDE', 'Ride ' || g, 'PUBLIC', now() - g * interval '1 hour',"
              + " 3600, 3500, 30000, 'MANUAL', now(), now(), 0 from generate_series(1, 80000) g");
      insert.execute("analyze workout.workout");
    }
    String url = "http://127.0.0.1:" + config.gatewayPort() + "/api/v1/workouts";
    List<String> auth = List.of("Authorization: Bearer " + app);
    Path paced = Wrk.pacedScript(work, 40);
    Wrk.run(url, 8, 15, auth, paced);
    Wrk.Result result = Wrk.run(url, 8, 20, auth, paced);
    BenchmarkMain.row(
        "GET /api/v1/workouts first page, 100,000 in table (8 conns)",
        "p50 %.1f ms, p99 %.1f ms at %.0f req/s (%d errors)",
        new Object[] {result.p50(), result.p99(), result.requestsPerSecond(), result.errors()},
        "p99 < 30 ms",
        result.p99() < 30 && result.errors() == 0);
  }

  static String register(HttpJson http, String name) {
    String email = "bench-" + UUID.randomUUID() + "@example.com";
    HttpJson.Reply reply =
        http.post(
            "/api/v1/accounts",
            null,
            object("email", email, "password", PASSWORD, "displayName", name));
    if (reply.status() != 202) {
      throw new IllegalStateException("registration answered " + reply);
    }
    return email;
  }
}
