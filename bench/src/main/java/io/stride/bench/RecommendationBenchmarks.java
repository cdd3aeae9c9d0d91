package io.stride.bench;

import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import tools.jackson.databind.JsonNode;

/**
 * recommendation-service's stored lists with 100,000 athletes in the synthetic population: the
 * first page ({@code limit=10}) of people, challenges and clubs to join and today's training
 * suggestion, through the gateway at a steady rate, the viewers in turn; each answer must be 200
 * with exactly the entries seeded for its viewer that the hard rules let through.
 */
final class RecommendationBenchmarks {

  private static final int ATHLETES = Integer.getInteger("bench.recommendationAthletes", 100_000);
  private static final int PEOPLE = Integer.getInteger("bench.recommendationPeople", 30);
  private static final int CHALLENGES = Integer.getInteger("bench.recommendationChallenges", 20);
  private static final int CLUBS = Integer.getInteger("bench.recommendationClubs", 20);
  private static final int VIEWERS = Integer.getInteger("bench.recommendationViewers", 100);
  private static final int RATE = Integer.getInteger("bench.recommendationRate", 50);
  private static final int SECONDS = Integer.getInteger("bench.recommendationSeconds", 30);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.recommendationWarmUp", 20);
  private static final String PREFIX = "/api/v1/recommendations/";

  /** One list read: its path (after the prefix) and what a good answer holds for a viewer. */
  private record Read(String path, BiPredicate<JsonNode, RecommendationViewers.Viewer> good) {}

  private static final List<Read> READS =
      List.of(
          new Read("people", (page, v) -> ids(page, "athleteId").equals(v.people())),
          new Read("challenges", (page, v) -> ids(page, "challengeId").equals(v.challenges())),
          new Read("clubs", (page, v) -> ids(page, "clubId").equals(v.clubs())),
          new Read(
              "training/today",
              (today, v) ->
                  today.path("suggestion").asString().equals(v.training())
                      && today.path("day").asString().equals(v.day().toString())
                      && today.path("reasons").size() == 1));

  private record Answer(double millis, boolean good) {}

  private RecommendationBenchmarks() {}

  static void run(LocalStack stack, StackConfig config) throws Exception {
    RecommendationSeed seed = new RecommendationSeed(stack.postgres().dataSource());
    var seconds = seed.fill(ATHLETES, PEOPLE, CHALLENGES, CLUBS);
    RecommendationSeed.Counts n = seed.counts();
    BenchmarkMain.row(
        String.format("Recommendations seeded (%,d athletes, insert ... select)", ATHLETES),
        "%s",
        seconds.map(s -> String.format("%.1f s", s)).orElse("already seeded"),
        "(reported)",
        null);
    BenchmarkMain.row(
        "  follows / club members / challenges / participants",
        "%,d / %,d / %,d / %,d",
        new Object[] {n.follows(), n.members(), n.challenges(), n.participants()},
        "(reported)",
        null);
    BenchmarkMain.row(
        "  suggestion rows: people / challenges / clubs",
        "%,d / %,d / %,d",
        new Object[] {n.people(), n.challengeEntries(), n.clubEntries()},
        "(reported)",
        null);

    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    Map<UUID, String> tokens =
        SignedInAthletes.signIn(gateway, VIEWERS, "Suggestion Viewer", "recommendations:read");
    awaitFirstLists(stack, tokens);
    List<RecommendationViewers.Viewer> viewers =
        RecommendationViewers.takeOver(stack.postgres().dataSource(), tokens, ATHLETES);

    HttpJson service = new HttpJson("http://127.0.0.1:" + config.portOf("recommendation-service"));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    send(client, gateway, viewers, READS, RATE * WARM_UP_SECONDS);
    String before = service.get("/actuator/prometheus", null).body();
    Map<Read, List<Answer>> measured = new LinkedHashMap<>();
    for (Read read : READS) {
      measured.put(read, send(client, gateway, viewers, List.of(read), RATE * SECONDS));
    }
    String after = service.get("/actuator/prometheus", null).body();
    measured.forEach((read, answers) -> report(read, answers, before, after));
    Prometheus.Timer refreshes =
        Prometheus.timer(before, after, "stride_recommendation_refresh_seconds", "");
    BenchmarkMain.row(
        "  lists recomputed by the refresher while measuring",
        "%d",
        refreshes.count(),
        "0",
        refreshes.count() == 0);
  }

  private static void report(Read read, List<Answer> answers, String before, String after) {
    List<Double> millis = new ArrayList<>(answers.stream().map(Answer::millis).toList());
    Collections.sort(millis);
    double p99 = Percentile.of(millis, 0.99);
    long bad = answers.stream().filter(a -> !a.good()).count();
    BenchmarkMain.row(
        String.format("GET %s first page via gateway (%d/s, %d s)", read.path(), RATE, SECONDS),
        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        new Object[] {
          Percentile.of(millis, 0.5), Percentile.of(millis, 0.95), p99, Percentile.of(millis, 1)
        },
        "p99 < 20 ms",
        p99 < 20 && bad == 0);
    BenchmarkMain.row(
        "  answers not 200 with the viewer's seeded entries",
        "%d of %d",
        new Object[] {bad, answers.size()},
        "0",
        bad == 0);
    Prometheus.Timer timer =
        Prometheus.timer(
            before, after, "http_server_requests_seconds", "uri=\"" + PREFIX + read.path() + "\"");
    BenchmarkMain.row(
        "  recommendation-service's own time (http_server_requests)",
        "mean %.1f ms, p99 <= %.1f ms (%d calls)",
        new Object[] {timer.meanMillis(), timer.p99Millis(), timer.count()},
        "(reference)",
        null);
  }

  /**
   * Waits until the service has each viewer's profile and the refresher has computed their first
   * lists (from {@code ProfileUpdated}): the seeded lists replace those, and nothing is due after.
   */
  private static void awaitFirstLists(LocalStack stack, Map<UUID, String> tokens) throws Exception {
    SignedInAthletes.awaitCopies(
        stack.postgres().dataSource(),
        """
        select count(*) from recommendation.refresh r
        join recommendation.athlete a on a.user_id = r.user_id
        where r.user_id = any(cast(? as uuid[]))
          and r.due_at is null and r.computed_at is not null
        """,
        tokens.keySet(),
        "recommendation-service");
  }

  /**
   * {@code count} requests at {@link #RATE} a second (open loop), the reads and the viewers in
   * turn; each timed from sending until the whole answer is read.
   */
  private static List<Answer> send(
      HttpClient client,
      String gateway,
      List<RecommendationViewers.Viewer> viewers,
      List<Read> reads,
      int count) {
    List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
    long interval = 1_000_000_000L / RATE;
    long start = System.nanoTime();
    for (int n = 0; n < count; n++) {
      RecommendationViewers.Viewer viewer = viewers.get(n % viewers.size());
      Read read = reads.get(n % reads.size());
      String query = read.path().equals("training/today") ? "" : "?limit=10";
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(gateway + PREFIX + read.path() + query))
              .header("Authorization", "Bearer " + viewer.token())
              .GET()
              .build();
      LockSupport.parkNanos(start + n * interval - System.nanoTime());
      long sent = System.nanoTime();
      inFlight.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .handle(
                  (reply, failure) -> {
                    double millis = (System.nanoTime() - sent) / 1e6;
                    return new Answer(millis, failure == null && good(read, reply, viewer));
                  }));
    }
    return inFlight.stream().map(CompletableFuture::join).toList();
  }

  private static boolean good(
      Read read, HttpResponse<String> reply, RecommendationViewers.Viewer viewer) {
    try {
      return reply.statusCode() == 200 && read.good().test(HttpJson.parse(reply.body()), viewer);
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /** The ids of a page's items, when it has a next page (the lists hold more than ten). */
  private static List<UUID> ids(JsonNode page, String field) {
    List<UUID> ids = new ArrayList<>();
    if (page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()) {
      return ids;
    }
    for (JsonNode item : page.path("items")) {
      ids.add(UUID.fromString(item.path(field).asString()));
    }
    return ids;
  }
}
