package io.stride.drills;

import io.stride.infra.FreePorts;
import io.stride.infra.ManagedProcess;
import io.stride.platform.test.HttpJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy in front of two gateway replicas; one is killed (SIGKILL) while clients send reads and
 * workout writes carrying an Idempotency-Key. No request may fail, no write may be applied twice,
 * and within a second of the kill new requests go to the survivor without a retry.
 */
final class LoadBalancerDrill {

  private static final int CLIENTS = Integer.getInteger("drills.lb.clients", 8);
  private static final long LOAD_MILLIS = Long.getLong("drills.lb.seconds", 20) * 1000;
  private static final long KILL_AT_MILLIS = LOAD_MILLIS * 2 / 5;
  private static final long WARM_UP_MILLIS = Long.getLong("drills.lb.warmUpSeconds", 15) * 1000;

  /** Reads HAProxy's status page, every 10 ms after the kill: one client for all of it. */
  private static final HttpClient STATS = HttpClient.newHttpClient();

  private static final Pattern LOG_LINE =
      Pattern.compile("^REQ (\\d+)\\.(\\d+) (\\S+) (-?\\d+) (\\+?-?\\d+) (-?\\d+) (\\S+) (\\S+)");

  /** One client request as the client saw it. */
  private record Outcome(
      long sentAt,
      String method,
      int status,
      String server,
      String workoutId,
      String error,
      String firstAttemptError) {
    boolean ok() {
      return error == null && status / 100 == 2;
    }
  }

  /** One request as HAProxy logged it. */
  private record Logged(long acceptedAt, String server, int status, int retries) {}

  private LoadBalancerDrill() {}

  static void run(Edge edge, Report report) throws Exception {
    report.section("Load balancer: HAProxy in front of two gateways, one killed under load");
    int gateway2 = FreePorts.find();
    int gateway2Management = FreePorts.find();
    int statsPort = FreePorts.find();
    edge.stack().startReplica("gateway", "gateway-2", gateway2, gateway2Management);
    Path config =
        edge.render(
            "haproxy.cfg",
            Map.of(
                "edgePort",
                edge.port(),
                "gateway1Port",
                edge.gatewayPort(),
                "gateway1ManagementPort",
                edge.stack().config().gatewayManagementPort(),
                "gateway2Port",
                gateway2,
                "gateway2ManagementPort",
                gateway2Management,
                "statsPort",
                statsPort));
    String stats = "http://127.0.0.1:" + statsPort + "/stats;csv";
    try (ManagedProcess haproxy =
        edge.startFront("haproxy", List.of("haproxy", "-db", "-f", config.toString()), stats)) {
      awaitBothUp(stats);
      Athlete athlete = Athlete.signUp(edge.url(), "Lena Balancer", "correct horse battery staple");
      List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
      AtomicLong killedAt = new AtomicLong();
      AtomicLong downAfter = new AtomicLong(-1);
      CountDownLatch done = new CountDownLatch(CLIENTS);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
      try {
        // both gateways serve reads until the JIT has done its work: the kill hits a steady load
        List<Outcome> warmUp = Collections.synchronizedList(new ArrayList<>());
        long warmUpEnd = System.currentTimeMillis() + WARM_UP_MILLIS;
        List<java.util.concurrent.Future<?>> warming = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          warming.add(
              pool.submit(
                  () -> load(client, edge.url(), athlete.accessToken(), warmUpEnd, false, warmUp)));
        }
        for (var future : warming) {
          future.get();
        }
        long start = System.currentTimeMillis();
        for (int c = 0; c < CLIENTS; c++) {
          pool.submit(
              () -> {
                try {
                  load(
                      client,
                      edge.url(),
                      athlete.accessToken(),
                      start + LOAD_MILLIS,
                      true,
                      outcomes);
                } finally {
                  done.countDown();
                }
              });
        }
        Edge.pause(KILL_AT_MILLIS);
        killedAt.set(System.currentTimeMillis());
        edge.stack().killService("gateway");
        pool.submit(
            () -> {
              long down = awaitDown(stats, "gateway-1");
              downAfter.set(down < 0 ? -1 : down - killedAt.get());
            });
        done.await();
      } finally {
        pool.shutdown();
        pool.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS);
      }
      haproxy.stop();
      analyse(
          edge,
          outcomes.stream().mapToLong(Outcome::sentAt).min().orElse(killedAt.get()),
          report,
          outcomes,
          logged(edge.work().resolve("haproxy.log")),
          killedAt.get(),
          downAfter.get());
    } finally {
      edge.stack().stopService("gateway-2");
      edge.stack().startService("gateway");
    }
  }

  private static void load(
      HttpClient client,
      String base,
      String token,
      long until,
      boolean writes,
      List<Outcome> outcomes) {
    for (int i = 0; System.currentTimeMillis() < until; i++) {
      boolean write = writes && i % 4 == 3;
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(base + (write ? "/api/v1/workouts" : "/api/v1/profiles/me")))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token);
      if (write) {
        request
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    HttpJson.toJson(
                        Map.of(
                            "sport",
                            "run",
                            "startTime",
                            "2026-11-0" + (1 + i % 9) + "T07:30:00Z",
                            "durationSeconds",
                            1800 + i,
                            "distanceMeters",
                            5000))));
      }
      long sentAt = System.currentTimeMillis();
      // as the apps do: an answer cut off on the way (the gateway died while sending it) is
      // asked for again once, with the same Idempotency-Key, so a write is never applied twice
      String firstError = null;
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          HttpResponse<String> response =
              client.send(request.build(), HttpResponse.BodyHandlers.ofString());
          String id = null;
          if (write && response.statusCode() == 201) {
            id = HttpJson.parse(response.body()).get("id").asString();
          }
          outcomes.add(
              new Outcome(
                  sentAt,
                  write ? "POST" : "GET",
                  response.statusCode(),
                  response.headers().firstValue("X-Stride-Edge-Server").orElse("?"),
                  id,
                  null,
                  firstError));
          break;
        } catch (IOException e) {
          if (firstError != null) {
            outcomes.add(
                new Outcome(
                    sentAt, write ? "POST" : "GET", 0, "?", null, e.toString(), firstError));
          }
          firstError = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void analyse(
      Edge edge,
      long firstSent,
      Report report,
      List<Outcome> outcomes,
      List<Logged> logged,
      long killedAt,
      long downAfter)
      throws Exception {
    long gets = outcomes.stream().filter(o -> o.method().equals("GET")).count();
    long posts = outcomes.size() - gets;
    List<Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
    long beforeKill1 =
        logged.stream()
            .filter(l -> l.acceptedAt() >= firstSent && l.acceptedAt() < killedAt)
            .filter(l -> l.server().equals("gateway-1"))
            .count();
    long beforeKill2 =
        logged.stream()
            .filter(l -> l.acceptedAt() >= firstSent && l.acceptedAt() < killedAt)
            .filter(l -> l.server().equals("gateway-2"))
            .count();
    long afterKill = logged.stream().filter(l -> l.acceptedAt() >= killedAt).count();
    long beforeKill = outcomes.stream().filter(o -> o.sentAt() < killedAt).count();
    List<Logged> retried = logged.stream().filter(l -> l.retries() > 0).toList();
    long retriedLate = retried.stream().filter(l -> l.acceptedAt() > killedAt + 1000).count();
    long lastRetry =
        retried.stream().mapToLong(l -> l.acceptedAt() - killedAt).max().orElse(Long.MIN_VALUE);
    long servedByDeadAfterKill =
        outcomes.stream()
            .filter(o -> o.sentAt() > killedAt + 1000 && o.server().equals("gateway-1"))
            .count();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    outcomes.stream().filter(o -> o.workoutId() != null).forEach(o -> ids.add(o.workoutId()));
    long postsOk = outcomes.stream().filter(o -> o.method().equals("POST") && o.ok()).count();
    long rows = workoutRows(edge, ids);

    report.note(
        "requests sent ("
            + CLIENTS
            + " clients, "
            + LOAD_MILLIS / 1000
            + " s, kill at "
            + KILL_AT_MILLIS / 1000
            + " s)",
        outcomes.size() + " (" + gets + " GET, " + posts + " POST with Idempotency-Key)");
    report.note(
        "before the kill, served by gateway-1 / gateway-2",
        beforeKill1
            + " / "
            + beforeKill2
            + String.format(
                " (%.0f req/s)", beforeKill * 1000.0 / Math.max(1, killedAt - firstSent)));
    report.note("after the kill, requests (all on gateway-2)", Long.toString(afterKill));
    report.check(
        "requests lost (non-2xx, or no answer after the client's one retry)",
        failed.size()
            + (failed.isEmpty()
                ? ""
                : " e.g. "
                    + failed.get(0).method()
                    + " sent "
                    + (failed.get(0).sentAt() - killedAt)
                    + " ms after the kill: "
                    + (failed.get(0).error() != null
                        ? failed.get(0).error()
                        : failed.get(0).status())),
        "0",
        failed.isEmpty());
    List<Outcome> clientRetried =
        outcomes.stream().filter(o -> o.firstAttemptError() != null).toList();
    report.note(
        "requests the client sent again (answer cut off by the kill)",
        clientRetried.size()
            + (clientRetried.isEmpty()
                ? ""
                : ", e.g. "
                    + clientRetried.get(0).method()
                    + " sent "
                    + (clientRetried.get(0).sentAt() - killedAt)
                    + " ms from the kill: "
                    + clientRetried.get(0).firstAttemptError()));
    report.note(
        "requests HAProxy retried on the survivor",
        retried.size()
            + (retried.isEmpty() ? "" : ", the last accepted " + lastRetry + " ms after the kill"));
    report.check(
        "requests accepted > 1 s after the kill that met the dead one",
        Long.toString(retriedLate + servedByDeadAfterKill),
        "0",
        retriedLate + servedByDeadAfterKill == 0);
    report.check(
        "gateway-1 marked DOWN after the kill",
        downAfter < 0 ? "never" : downAfter + " ms",
        "<= 1000 ms",
        downAfter >= 0 && downAfter <= 1000);
    report.check(
        "workout POSTs answered 2xx / distinct workouts / rows in the table",
        postsOk + " / " + ids.size() + " / " + rows,
        "all equal to " + posts,
        postsOk == posts && ids.size() == posts && rows == posts);
  }

  private static long workoutRows(Edge edge, Set<String> ids) throws Exception {
    if (ids.isEmpty()) {
      return 0;
    }
    try (Connection connection = edge.stack().postgres().dataSource().getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from workout.workout where owner_id ="
                    + " (select owner_id from workout.workout where id = ?::uuid)")) {
      count.setString(1, ids.iterator().next());
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static List<Logged> logged(Path log) throws IOException {
    List<Logged> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = LOG_LINE.matcher(line);
      if (m.find()) {
        lines.add(
            new Logged(
                Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2)),
                m.group(3),
                Integer.parseInt(m.group(4)),
                Math.abs(Integer.parseInt(m.group(5).replace("+", "")))));
      }
    }
    return lines;
  }

  private static void awaitBothUp(String stats) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      Map<String, String> status = serverStatus(stats);
      if ("UP".equals(status.get("gateway-1")) && "UP".equals(status.get("gateway-2"))) {
        return;
      }
      Edge.pause(100);
    }
    throw new IllegalStateException("HAProxy did not see both gateways up: " + serverStatus(stats));
  }

  /** Polls HAProxy's status page: when the server went DOWN (epoch millis), or -1 if not. */
  private static long awaitDown(String stats, String server) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      String status = serverStatus(stats).getOrDefault(server, "");
      if (status.startsWith("DOWN") || status.startsWith("MAINT")) {
        return System.currentTimeMillis();
      }
      Edge.pause(10);
    }
    return -1;
  }

  /** Server name → status (UP, DOWN, "UP 1/2" while changing) from HAProxy's CSV statistics. */
  private static Map<String, String> serverStatus(String stats) {
    Map<String, String> status = new ConcurrentHashMap<>();
    try {
      HttpResponse<String> response =
          STATS.send(
              HttpRequest.newBuilder(URI.create(stats)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      for (String line : response.body().split("\n")) {
        String[] fields = line.split(",", -1);
        if (fields.length > 17 && fields[0].equals("gateways")) {
          status.put(fields[1], fields[17]);
        }
      }
    } catch (IOException e) {
      // not answering: no status
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return status;
  }
}
