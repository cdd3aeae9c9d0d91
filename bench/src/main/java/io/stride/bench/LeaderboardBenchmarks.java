package io.stride.bench;

import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * gamification-service's weekly leaderboard with a million athletes on it: the top 100, the
 * viewer's rank and the two above and below them, through the gateway at a steady rate, each
 * request by a viewer just moved to a random place on the board (one in 20 into the top 100).
 */
final class LeaderboardBenchmarks {

  private static final int ATHLETES = Integer.getInteger("bench.leaderboardAthletes", 1_000_000);
  private static final int VIEWERS = Integer.getInteger("bench.leaderboardViewers", 100);
  private static final int RATE = Integer.getInteger("bench.leaderboardRate", 50);
  private static final int SECONDS = Integer.getInteger("bench.leaderboardSeconds", 30);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.leaderboardWarmUp", 20);
  private static final String SPORT = "bench_run";
  private static final String URI_TAG = "uri=\"/api/v1/gamification/leaderboards/weekly/{sport}\"";

  /** One answer: how long it took, and whether it was the board the viewer should see. */
  private record Answer(double millis, boolean good, long rank, long score) {}

  private LeaderboardBenchmarks() {}

  static void run(LocalStack stack, StackConfig config) throws Exception {
    LocalDate monday =
        LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LeaderboardSeed seed =
        new LeaderboardSeed(stack.postgres().dataSource(), "weekly:" + SPORT + ":" + monday);
    var seconds = seed.fill(ATHLETES);
    long entries = seed.entries();
    BenchmarkMain.row(
        String.format("Leaderboard seeded (%,d entries, insert ... select)", entries),
        "%s",
        seconds.map(s -> String.format("%.1f s", s)).orElse("already seeded"),
        "(reported)",
        null);

    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    Map<UUID, String> tokens = viewers(stack, gateway);
    Map<UUID, LeaderboardSeed.Spot> spots = seed.takeOver(tokens.keySet());

    HttpJson service = new HttpJson("http://127.0.0.1:" + config.portOf("gamification-service"));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String path =
        gateway
            + "/api/v1/gamification/leaderboards/weekly/"
            + SPORT
            + "?week="
            + monday.plusDays(3)
            + "&limit=100&around=2";
    Set<UUID> viewers = new HashSet<>(tokens.keySet());
    List<UUID> order = new ArrayList<>(viewers);
    try (Connection connection = stack.postgres().dataSource().getConnection()) {
      Runner runner = new Runner(client, path, seed, connection, tokens, spots, viewers, order);
      runner.run(RATE * WARM_UP_SECONDS);
      String before = service.get("/actuator/prometheus", null).body();
      List<Answer> answers = runner.run(RATE * SECONDS);
      String after = service.get("/actuator/prometheus", null).body();
      report(answers, entries, before, after);
    }
    boolean bucketsTrue = seed.bucketsTrue();
    BenchmarkMain.row(
        "  bucket counts match the entries afterwards",
        "%s",
        bucketsTrue ? "yes" : "no",
        "yes",
        bucketsTrue);
  }

  private static void report(List<Answer> answers, long entries, String before, String after) {
    List<Double> millis = new ArrayList<>(answers.stream().map(Answer::millis).toList());
    Collections.sort(millis);
    double p99 = Percentile.of(millis, 0.99);
    long bad = answers.stream().filter(a -> !a.good()).count();
    BenchmarkMain.row(
        String.format(
            "Leaderboard top 100 + me + around via gateway (%,d, %d/s, %d s)",
            entries, RATE, SECONDS),
        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        new Object[] {
          Percentile.of(millis, 0.5), Percentile.of(millis, 0.95), p99, Percentile.of(millis, 1)
        },
        "p99 < 20 ms",
        p99 < 20 && bad == 0);
    BenchmarkMain.row(
        "  answers not 200 with 100 entries and the viewer's me",
        "%d of %d",
        new Object[] {bad, answers.size()},
        "0",
        bad == 0);
    long top = answers.stream().filter(a -> a.good() && a.rank() <= 100).count();
    long zero = answers.stream().filter(a -> a.good() && a.score() == 0).count();
    long worst = answers.stream().mapToLong(Answer::rank).max().orElse(0);
    BenchmarkMain.row(
        "  viewers in the top 100 / tied at 0 / elsewhere (worst rank)",
        "%d / %d / %d (%,d)",
        new Object[] {top, zero, answers.size() - bad - top - zero, worst},
        "(reference)",
        null);
    Prometheus.Timer timer =
        Prometheus.timer(before, after, "http_server_requests_seconds", URI_TAG);
    BenchmarkMain.row(
        "  gamification-service's own time (http_server_requests)",
        "mean %.1f ms, p99 <= %.1f ms (%d calls)",
        new Object[] {timer.meanMillis(), timer.p99Millis(), timer.count()},
        "(reference)",
        null);
  }

  /** Registers and signs in the viewers; once gamification-service knows each. */
  private static Map<UUID, String> viewers(LocalStack stack, String gateway) throws Exception {
    Map<UUID, String> tokens =
        SignedInAthletes.signIn(gateway, VIEWERS, "Board Viewer", "gamification:read");
    // the first ProfileUpdated recomputes the athlete's boards: take over entries only after it
    SignedInAthletes.awaitCopies(
        stack.postgres().dataSource(),
        "select count(*) from gamification.athlete where user_id = any(cast(? as uuid[]))",
        tokens.keySet(),
        "gamification-service");
    return tokens;
  }

  /**
   * Requests at a steady rate (open loop): before each, its viewer (the viewers in turn, each one's
   * previous request answered) is moved to a random place; timed from sending until the whole
   * answer is read.
   */
  private record Runner(
      HttpClient client,
      String url,
      LeaderboardSeed seed,
      Connection connection,
      Map<UUID, String> tokens,
      Map<UUID, LeaderboardSeed.Spot> spots,
      Set<UUID> viewers,
      List<UUID> order) {

    List<Answer> run(int count) throws Exception {
      List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
      long interval = 1_000_000_000L / RATE;
      long start = System.nanoTime();
      for (int n = 0; n < count; n++) {
        if (n >= order.size()) {
          inFlight.get(n - order.size()).join();
        }
        UUID viewer = order.get(n % order.size());
        boolean nearTop = ThreadLocalRandom.current().nextInt(20) == 0;
        long score = seed.move(connection, spots.get(viewer), viewers, nearTop, 100);
        spots.put(viewer, new LeaderboardSeed.Spot(viewer, score));
        LockSupport.parkNanos(start + n * interval - System.nanoTime());
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + tokens.get(viewer))
                .GET()
                .build();
        long sent = System.nanoTime();
        inFlight.add(
            client
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle(
                    (reply, failure) -> {
                      double millis = (System.nanoTime() - sent) / 1e6;
                      return failure == null
                          ? check(millis, reply, score)
                          : new Answer(millis, false, 0, -1);
                    }));
      }
      List<Answer> answers = new ArrayList<>();
      for (CompletableFuture<Answer> answer : inFlight) {
        answers.add(answer.join());
      }
      return answers;
    }

    private static Answer check(double millis, HttpResponse<String> reply, long score) {
      if (reply.statusCode() != 200) {
        return new Answer(millis, false, 0, -1);
      }
      JsonNode board = HttpJson.parse(reply.body());
      JsonNode me = board.path("me");
      boolean good =
          board.path("entries").size() == 100
              && me.isObject()
              && me.path("score").asLong() == score;
      return new Answer(millis, good, me.path("rank").asLong(), me.path("score").asLong());
    }
  }
}
