package io.stride.bench;

import static io.stride.platform.test.HttpJson.object;

import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * promo-service (issue #17): bulk generation of 100,000 codes; 500 concurrent redemptions of a
 * shared code capped at 50 through the gateway (the grants counted in the table, not in the
 * answers); 500 concurrent redemptions of distinct codes against a budget of 50 with two
 * promo-service instances; redemptions per second of distinct single-use codes. The campaigns are
 * made through the admin API with a real administrator (an address on {@code STRIDE_AUTH_ADMINS},
 * verified through the emailed link), the athletes are real accounts in Germany.
 */
final class PromoBenchmarks {

  /** The administrator BenchmarkMain lists on {@code STRIDE_AUTH_ADMINS}. */
  static final String ADMIN_EMAIL = Administrator.EMAIL;

  private static final int ATHLETES = Integer.getInteger("bench.promoAthletes", 100);
  private static final int CONCURRENT = Integer.getInteger("bench.promoConcurrent", 500);
  private static final int CAP = 50;
  private static final int GENERATED = 100_000;
  private static final int THROUGHPUT_CODES = Integer.getInteger("bench.promoCodes", 3_000);
  private static final int THROUGHPUT_CONNECTIONS = BenchmarkMain.CONNECTIONS;
  private static final int WARM_UP = Integer.getInteger("bench.promoWarmUp", 2_000);

  private PromoBenchmarks() {}

  static void run(LocalStack stack, StackConfig config) throws Exception {
    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    HttpJson http = new HttpJson(gateway);
    String admin = Administrator.token(stack, gateway, http, "promo:read promo:write");
    List<String> athletes = athletes(stack, gateway, http);
    warmUp(http, admin, athletes, List.of(URI.create(gateway + "/api/v1/promo/redemptions")));
    // each athlete may redeem CONCURRENT / ATHLETES times, so only the cap or the budget limits
    int perAthlete = Math.min(100, Math.max(1, (CONCURRENT + ATHLETES - 1) / ATHLETES));

    UUID bulk = live(http, admin, 1_000_000, perAthlete);
    long start = System.nanoTime();
    HttpJson.Reply made =
        http.post(
            "/api/v1/promo/admin/campaigns/" + bulk + "/codes",
            admin,
            object("kind", "single-use", "count", GENERATED));
    double generation = (System.nanoTime() - start) / 1e9;
    require(made, 201);
    BenchmarkMain.row(
        String.format("Generate %,d single-use codes (one request)", GENERATED),
        "%.1f s",
        generation,
        "a few seconds",
        generation < 10);

    UUID capped = live(http, admin, 1_000_000, perAthlete);
    String shared =
        require(
                http.post(
                    "/api/v1/promo/admin/campaigns/" + capped + "/codes",
                    admin,
                    object("kind", "shared", "cap", CAP, "perAthlete", perAthlete)),
                201)
            .get("codes")
            .get(0)
            .asString();
    List<URI> viaGateway = List.of(URI.create(gateway + "/api/v1/promo/redemptions"));
    HttpJson service = new HttpJson("http://127.0.0.1:" + config.portOf("promo-service"));
    String before = service.get("/actuator/prometheus", null).body();
    Map<String, Double> cpuBefore = CpuTimes.snapshot();
    Burst cap = burst(viaGateway, athletes, index -> shared);
    Map<String, Double> cpuAfter = CpuTimes.snapshot();
    String after = service.get("/actuator/prometheus", null).body();
    long capGrants = grants(stack, capped);
    BenchmarkMain.row(
        String.format(
            "%d concurrent redemptions of a code capped at %d, via gateway", CONCURRENT, CAP),
        "%d granted in the table (%d answered 201), p50 %.0f ms, p99 %.0f ms",
        new Object[] {capGrants, cap.created(), cap.p(0.5), cap.p(0.99)},
        "exactly " + CAP + ", p99 < 200 ms",
        capGrants == CAP && cap.created() == CAP && cap.p(0.99) < 200);
    BenchmarkMain.row(
        "  CPU used in the burst",
        "%s",
        CpuTimes.between(cpuBefore, cpuAfter),
        "(reference)",
        null);
    ownTime(before, after, "  promo-service's redemption", "stride_promo_redemption_seconds", "");
    ownTime(
        before,
        after,
        "  promo-service's wait for a database connection",
        "hikaricp_connections_acquire_seconds",
        "");

    int replicaPort = io.stride.infra.FreePorts.find();
    stack.startReplica("promo-service", "promo-service-2", replicaPort, replicaPort);
    warmUp(
        http,
        admin,
        athletes,
        List.of(URI.create("http://127.0.0.1:" + replicaPort + "/api/v1/promo/redemptions")));
    UUID budgeted = live(http, admin, CAP, perAthlete);
    List<String> codes = singleUse(http, admin, budgeted, CONCURRENT);
    List<URI> twoInstances =
        List.of(
            URI.create(gateway + "/api/v1/promo/redemptions"),
            URI.create("http://127.0.0.1:" + replicaPort + "/api/v1/promo/redemptions"));
    Burst budget = burst(twoInstances, athletes, codes::get);
    long budgetGrants = grants(stack, budgeted);
    BenchmarkMain.row(
        String.format(
            "%d concurrent redemptions of distinct codes, budget %d, 2 instances", CONCURRENT, CAP),
        "%d granted in the table (%d answered 201), p50 %.0f ms, p99 %.0f ms",
        new Object[] {budgetGrants, budget.created(), budget.p(0.5), budget.p(0.99)},
        "exactly " + CAP + ", p99 < 200 ms",
        budgetGrants == CAP && budget.created() == CAP && budget.p(0.99) < 200);

    throughput(stack, http, admin, athletes, viaGateway);
  }

  /** Distinct single-use codes redeemed by {@code THROUGHPUT_CONNECTIONS} clients at once. */
  private static void throughput(
      LocalStack stack, HttpJson http, String admin, List<String> athletes, List<URI> target)
      throws Exception {
    int perAthlete = Math.min(100, (THROUGHPUT_CODES + athletes.size() - 1) / athletes.size());
    int codesCount = Math.min(THROUGHPUT_CODES, perAthlete * athletes.size());
    UUID campaign = live(http, admin, 1_000_000, perAthlete);
    List<String> codes = singleUse(http, admin, campaign, codesCount);
    Sent sent = redeemAll(target, athletes, codes);
    double seconds = sent.seconds();
    AtomicInteger failed = new AtomicInteger(sent.not201());
    List<Double> sorted = sent.millis();
    long granted = grants(stack, campaign);
    BenchmarkMain.row(
        String.format(
            "Redemptions of distinct single-use codes, %d clients, via gateway",
            THROUGHPUT_CONNECTIONS),
        "%.0f redemptions/s (%d codes, p99 %.0f ms, %d not 201, %d in the table)",
        new Object[] {
          codes.size() / seconds, codes.size(), Percentile.of(sorted, 0.99), failed.get(), granted
        },
        "",
        failed.get() == 0 && granted == codes.size());
  }

  /** What {@link #redeemAll} measured. */
  private record Sent(double seconds, List<Double> millis, int not201) {}

  /**
   * Redeems every code once, {@code THROUGHPUT_CONNECTIONS} clients at a time, spread over the
   * athletes and the targets.
   */
  private static Sent redeemAll(List<URI> targets, List<String> athletes, List<String> codes) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService workers = Executors.newFixedThreadPool(THROUGHPUT_CONNECTIONS);
    long start = System.nanoTime();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int worker = 0; worker < THROUGHPUT_CONNECTIONS; worker++) {
      done.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = next.getAndIncrement(); i < codes.size(); i = next.getAndIncrement()) {
                  long sent = System.nanoTime();
                  int status =
                      send(
                          client,
                          targets.get(i % targets.size()),
                          athletes.get(i % athletes.size()),
                          codes.get(i));
                  millis.add((System.nanoTime() - sent) / 1e6);
                  if (status != 201) {
                    failed.incrementAndGet();
                  }
                }
              },
              workers));
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    double seconds = (System.nanoTime() - start) / 1e9;
    workers.shutdown();
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new Sent(seconds, sorted, failed.get());
  }

  /**
   * Runs the code the measurements run before they do, as a service that has been up for a while
   * has (the JIT compiles what is hot; on a cold JVM the first thousand requests cost several times
   * their CPU): {@code WARM_UP} redemptions at {@code targets}, half of distinct codes, half of a
   * shared code used up after ten.
   */
  private static void warmUp(
      HttpJson http, String admin, List<String> athletes, List<URI> targets) {
    UUID campaign = live(http, admin, 1_000_000, 100);
    List<String> distinct = singleUse(http, admin, campaign, WARM_UP / 2);
    String shared =
        require(
                http.post(
                    "/api/v1/promo/admin/campaigns/" + campaign + "/codes",
                    admin,
                    object("kind", "shared", "cap", 10, "perAthlete", 100)),
                201)
            .get("codes")
            .get(0)
            .asString();
    List<String> codes = new ArrayList<>();
    for (String code : distinct) {
      codes.add(code);
      codes.add(shared);
    }
    redeemAll(targets, athletes, codes);
  }

  /** Where the time goes: a timer of promo-service between two scrapes, for reference. */
  private static void ownTime(
      String before, String after, String what, String timer, String series) {
    Prometheus.Timer own = Prometheus.timer(before, after, timer, series);
    BenchmarkMain.row(
        what,
        "mean %.1f ms, p99 <= %.1f ms (%d calls)",
        new Object[] {own.meanMillis(), own.p99Millis(), own.count()},
        "(reference)",
        null);
  }

  /** {@code CONCURRENT} redemptions sent at once, spread over the athletes and the targets. */
  private static Burst burst(
      List<URI> targets, List<String> athletes, java.util.function.IntFunction<String> code) {
    ExecutorService callbacks = Executors.newFixedThreadPool(8);
    try {
      return burst(
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(30))
              .executor(callbacks)
              .build(),
          targets,
          athletes,
          code);
    } finally {
      callbacks.shutdownNow(); // its threads would keep the benchmark's JVM from exiting
    }
  }

  private static Burst burst(
      HttpClient client,
      List<URI> targets,
      List<String> athletes,
      java.util.function.IntFunction<String> code) {
    List<CompletableFuture<double[]>> answers = new ArrayList<>();
    for (int i = 0; i < CONCURRENT; i++) {
      long sent = System.nanoTime();
      answers.add(
          client
              .sendAsync(
                  request(
                      targets.get(i % targets.size()),
                      athletes.get(i % athletes.size()),
                      code.apply(i)),
                  HttpResponse.BodyHandlers.discarding())
              .thenApply(
                  response ->
                      new double[] {response.statusCode(), (System.nanoTime() - sent) / 1e6}));
    }
    List<Double> millis = new ArrayList<>();
    int created = 0;
    for (CompletableFuture<double[]> answer : answers) {
      double[] result = answer.join();
      created += result[0] == 201 ? 1 : 0;
      millis.add(result[1]);
    }
    Collections.sort(millis);
    return new Burst(created, millis);
  }

  private record Burst(int created, List<Double> millis) {
    double p(double share) {
      return Percentile.of(millis, share);
    }
  }

  private static HttpRequest request(URI target, String token, String code) {
    return HttpRequest.newBuilder(target)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(HttpJson.toJson(Map.of("code", code))))
        .build();
  }

  private static int send(HttpClient client, URI target, String token, String code) {
    try {
      return client
          .send(request(target, token, code), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** A live campaign in Germany of premium days, with its budget and per-athlete limit. */
  private static UUID live(HttpJson http, String admin, int budget, int perAthlete) {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Berlin")).withNano(0);
    JsonNode created =
        require(
            http.post(
                "/api/v1/promo/admin/campaigns",
                admin,
                object(
                    "name", Map.of("en", "Bench " + UUID.randomUUID()),
                    "description", Map.of("en", "A campaign of the benchmark"),
                    "window",
                        object(
                            "starts", now.minusHours(1).toString(),
                            "ends", now.plusDays(7).toString(),
                            "timeZone", "Europe/Berlin"),
                    "regions", List.of("DE"),
                    "budget", object("rewards", budget),
                    "rules", List.of(),
                    "reward", object("kind", "premium-days", "days", 7),
                    "perAthlete", perAthlete)),
            201);
    String id = created.get("id").asString();
    require(http.post("/api/v1/promo/admin/campaigns/" + id + "/publish", admin, Map.of()), 200);
    return UUID.fromString(id);
  }

  private static List<String> singleUse(HttpJson http, String admin, UUID campaign, int count) {
    List<String> codes = new ArrayList<>();
    require(
            http.post(
                "/api/v1/promo/admin/campaigns/" + campaign + "/codes",
                admin,
                object("kind", "single-use", "count", count)),
            201)
        .get("codes")
        .forEach(code -> codes.add(code.asString()));
    return codes;
  }

  /** Grants of the campaign in promo-service's table: the truth, whatever the answers said. */
  private static long grants(LocalStack stack, UUID campaign) throws Exception {
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from promo.reward_grant where campaign_id = ?")) {
      count.setObject(1, campaign);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /**
   * The administrator: registered with the address on {@code STRIDE_AUTH_ADMINS}, verified through
   * the link in the email (that is when ADMIN is granted, ADR 0030), then signed in.
   */
  /** Registered and signed-in athletes in Germany, once promo-service holds each one's region. */
  private static List<String> athletes(LocalStack stack, String gateway, HttpJson http)
      throws Exception {
    List<String> tokens = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ATHLETES; i++) {
      String token =
          new OAuthFlows(gateway)
              .signInWithMobileApp(
                  WorkoutBenchmarks.register(http, "Promo Athlete " + i),
                  WorkoutBenchmarks.PASSWORD,
                  "profile:read profile:write promo:read promo:write")
              .get("access_token")
              .asString();
      tokens.add(token);
      ids.add(OAuthFlows.claims(token).get("uid").asString());
    }
    long giveUp = System.nanoTime() + 120_000_000_000L;
    for (String token : tokens) {
      // the profile exists moments after registration
      while (http.patch("/api/v1/profiles/me", token, Map.of("region", "DE")).status() != 200) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("profiles not ready after 120 s");
        }
        Thread.sleep(50);
      }
    }
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement known =
            connection.prepareStatement(
                "select count(*) from promo.athlete where region = 'DE'"
                    + " and user_id = any(cast(? as uuid[]))")) {
      known.setArray(1, connection.createArrayOf("text", ids.toArray()));
      while (GamificationBenchmarks.count(known) < ids.size()) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("promo-service lacks some athletes' region after 120 s");
        }
        Thread.sleep(50);
      }
    }
    return tokens;
  }

  private static JsonNode require(HttpJson.Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + reply);
    }
    return reply.json();
  }
}
