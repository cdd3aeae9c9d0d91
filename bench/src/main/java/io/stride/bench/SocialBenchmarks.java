package io.stride.bench;

import static io.stride.platform.test.HttpJson.object;

import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue #12's feed numbers. Propagation: authors, each with their own approved followers, record
 * public workouts through the gateway at a fixed rate; each is timed from sending its POST until
 * its feed rows (every follower's and the owner's) are committed, polled for all workouts in flight
 * in one query. The path is the real one (workout-service's outbox, Kafka, social-service's fan-out
 * insert … select); only the followers are inserted into social's tables directly, as registering
 * thousands of accounts would take longer than the measurement. Then the home feed through the
 * gateway, first page and a deep one, for a reader following 500 athletes with 1,000,000 feed rows
 * in the table.
 */
final class SocialBenchmarks {

  private static final int AUTHORS = Integer.getInteger("bench.feedAuthors", 20);
  private static final int FOLLOWERS = Integer.getInteger("bench.feedFollowers", 200);
  private static final int RATE = Integer.getInteger("bench.feedRate", 50);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.feedWarmUpSeconds", 10);
  private static final int SECONDS = Integer.getInteger("bench.feedSeconds", 30);
  private static final int BURST = Integer.getInteger("bench.feedBurst", 1000);
  private static final int SENDERS = 16;
  private static final int FOLLOWED = 500;
  private static final int WORKOUTS_EACH = 100;
  private static final int FEED_ROWS = 1_000_000;
  private static final int DEEP_PAGE = 50;

  /** Recorded workouts start 3 minutes apart and last 2, so none of an author's overlap. */
  private static final Instant FIRST_START =
      Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(60));

  private static final AtomicLong recorded = new AtomicLong();

  /**
   * One run of recordings: latencies of the workouts whose feed rows all arrived (sorted, ms), POST
   * answer times, feed rows written, workouts short of rows or never complete, POSTs failed, first
   * send → last complete and first send → last answer (s).
   */
  private record Run(
      List<Double> millis,
      List<Double> answered,
      long rows,
      long incomplete,
      long failed,
      double seconds,
      double sendSeconds) {}

  /** A workout sent: its author, and its start time (no two alike). */
  private record Recording(String author, Instant start) {}

  private SocialBenchmarks() {}

  static void run(LocalStack stack, StackConfig config, Path work) throws Exception {
    HttpJson http = new HttpJson("http://127.0.0.1:" + config.gatewayPort());
    feedReads(stack, config, http, work);
    propagation(stack, config, http);
  }

  // ---- propagation -------------------------------------------------------------------------

  private static void propagation(LocalStack stack, StackConfig config, HttpJson http)
      throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int a = 0; a < AUTHORS; a++) {
      tokens.add(signIn(config, WorkoutBenchmarks.register(http, "Author " + a), "workouts:write"));
    }
    List<String> authors = tokens.stream().map(SocialBenchmarks::userId).toList();
    awaitAthletes(stack, authors);
    addFollowers(stack, authors);
    long interval = 1_000_000_000L / RATE;
    record(stack, http, tokens, authors, RATE * WARM_UP_SECONDS, interval);
    HttpJson social = new HttpJson("http://127.0.0.1:" + config.portOf("social-service"));
    String before = social.get("/actuator/prometheus", null).body();
    Run run = record(stack, http, tokens, authors, RATE * SECONDS, interval);
    String after = social.get("/actuator/prometheus", null).body();
    double p99 = percentile(run.millis(), 0.99);
    BenchmarkMain.row(
        String.format(
            "Workout -> all %d followers' feeds (%d/s, %d s, %d authors)",
            FOLLOWERS, RATE, SECONDS, AUTHORS),
        "p50 %.0f ms, p99 %.0f ms, max %.0f ms (POST answered p99 %.0f ms)",
        new Object[] {
          percentile(run.millis(), 0.5),
          p99,
          percentile(run.millis(), 1),
          percentile(run.answered(), 0.99)
        },
        "p99 < 250 ms",
        p99 < 250);
    BenchmarkMain.row(
        "  feed rows/s, first send -> last workout in every feed",
        "%.0f rows/s (%d rows in %.1f s)",
        new Object[] {run.rows() / run.seconds(), run.rows(), run.seconds()},
        String.format("(%d/s sent)", RATE * (FOLLOWERS + 1)),
        null);
    BenchmarkMain.row(
        "  workouts short of rows (or none after 30 s) / POST errors",
        "%d / %d",
        new Object[] {run.incomplete(), run.failed()},
        "0 / 0",
        run.incomplete() + run.failed() == 0);
    socialServiceTimes(before, after);
    if (BURST > 0) {
      burst(stack, http, social, tokens, authors);
    }
  }

  /**
   * The fan-out's throughput: {@link #BURST} workouts POSTed through the gateway as fast as the
   * senders can (everything on these two cores: the POSTs, workout-service, its outbox, the latency
   * poller), for reference; then the same number of events put on the topic at once ({@link
   * FanOutBurst}), which holds the target.
   */
  private static void burst(
      LocalStack stack, HttpJson http, HttpJson social, List<String> tokens, List<String> authors)
      throws Exception {
    String before = social.get("/actuator/prometheus", null).body();
    Run burst = record(stack, http, tokens, authors, BURST, 0);
    String after = social.get("/actuator/prometheus", null).body();
    double rate = burst.rows() / burst.seconds();
    BenchmarkMain.row(
        String.format(
            "Fan-out through workout-service, %d POSTs %d at a time, %d rows each",
            BURST, SENDERS, FOLLOWERS + 1),
        "%.0f rows/s (POSTs %.0f/s; %d short, %d errors)",
        new Object[] {rate, BURST / burst.sendSeconds(), burst.incomplete(), burst.failed()},
        "(reference)",
        burst.incomplete() + burst.failed() == 0 ? null : false);
    socialServiceTimes(before, after);
    FanOutBurst.run(stack, social, authors, BURST, FOLLOWERS);
  }

  /**
   * What social-service spent per workout between two scrapes: handling the event (Spring Kafka's
   * listener timer: inbox, copy, fan-out, commit) and the fan-out SQL alone.
   */
  private static void socialServiceTimes(String before, String after) {
    BenchmarkMain.row(
        "  in social-service per workout",
        "%s",
        perWorkout(before, after, FOLLOWERS),
        "(reference)",
        null);
  }

  /** "event handled x ms, fan-out SQL y ms (z rows/s while writing)" between two scrapes. */
  static String perWorkout(String before, String after, int followers) {
    double handled = perCall(before, after, "spring_kafka_listener_seconds", "workouts");
    double fanOut = perCall(before, after, "stride_social_feed_fanout_seconds", "");
    return String.format(
        "event handled %.1f ms, fan-out SQL %.1f ms (%.0f rows/s while writing)",
        handled, fanOut, (followers + 1) * 1000 / fanOut);
  }

  /** Each author gets their own approved followers, as follow rows and the athlete's count. */
  private static void addFollowers(LocalStack stack, List<String> authors) throws Exception {
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement follow =
            connection.prepareStatement(
                """
                insert into social.follow (follower_id, user_id, status, since)
                select %s, a.id, 'APPROVED', now()
                from unnest(cast(? as uuid[])) with ordinality a (id, n), generate_series(1, %d) g
                """
                    .formatted(uuid(4, "(a.n - 1) * " + FOLLOWERS + " + g"), FOLLOWERS));
        PreparedStatement count =
            connection.prepareStatement(
                "update social.athlete set followers = ? where user_id = any(cast(? as uuid[]))");
        Statement statement = connection.createStatement()) {
      statement.execute(athleteRows(4, "Follower", AUTHORS * FOLLOWERS, 0));
      follow.setArray(1, connection.createArrayOf("text", authors.toArray()));
      follow.executeUpdate();
      count.setLong(1, FOLLOWERS);
      count.setArray(2, connection.createArrayOf("text", authors.toArray()));
      count.executeUpdate();
      statement.execute("analyze social.follow");
      statement.execute("analyze social.athlete");
    }
  }

  /**
   * Sends {@code workouts} POSTs, one every {@code intervalNanos} (0: as fast as {@link #SENDERS}
   * threads can), while another thread polls the feed rows of those in flight.
   */
  private static Run record(
      LocalStack stack,
      HttpJson http,
      List<String> tokens,
      List<String> authors,
      int workouts,
      long intervalNanos)
      throws Exception {
    Map<Recording, Long> inFlight = new ConcurrentHashMap<>();
    List<Double> answered = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failed = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    AtomicBoolean sending = new AtomicBoolean(true);
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService poller = Executors.newSingleThreadExecutor();
    long first = System.nanoTime();
    Future<long[]> polled = poller.submit(() -> awaitFeeds(stack, inFlight, sending, millis));
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    for (int i = 0; i < workouts; i++) {
      long due = first + i * intervalNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait); // the sending rate itself, not a wait for a condition
      }
      String token = tokens.get(i % tokens.size());
      String author = authors.get(i % authors.size());
      senders.submit(
          () -> {
            Instant start = FIRST_START.plus(Duration.ofMinutes(3 * recorded.getAndIncrement()));
            Recording recording = new Recording(author, start);
            long sent = System.nanoTime();
            inFlight.put(recording, sent);
            HttpJson.Reply reply = http.post("/api/v1/workouts", token, workout(start));
            long now = System.nanoTime();
            answered.add((now - sent) / 1e6);
            lastAnswer.accumulateAndGet(now, Math::max);
            if (reply.status() != 201) {
              inFlight.remove(recording);
              failed.incrementAndGet();
            }
          });
    }
    senders.shutdown();
    if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("workout POSTs still running after 2 minutes");
    }
    sending.set(false);
    long[] polledResult = polled.get();
    poller.shutdown();
    List<Double> sortedMillis = new ArrayList<>(millis);
    List<Double> sortedAnswers = new ArrayList<>(answered);
    Collections.sort(sortedMillis);
    Collections.sort(sortedAnswers);
    return new Run(
        sortedMillis,
        sortedAnswers,
        polledResult[0],
        polledResult[1],
        failed.get(),
        (polledResult[2] - first) / 1e9,
        (lastAnswer.get() - first) / 1e9);
  }

  /**
   * Polls, every 2 ms in one query, which workouts in flight have their rows in the feeds: the
   * owner's row (committed with the followers' in one transaction) and the count of all. Until
   * nothing is in flight after the last POST, or 30 s after it. Adds each latency to {@code
   * millis}; returns rows seen, workouts short of rows or never seen, the last completion (nanos).
   */
  private static long[] awaitFeeds(
      LocalStack stack, Map<Recording, Long> inFlight, AtomicBoolean sending, List<Double> millis)
      throws Exception {
    long rows = 0;
    long incomplete = 0;
    long lastDone = 0;
    long giveUp = Long.MAX_VALUE;
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement done =
            connection.prepareStatement(
                """
                select o.reader_id, o.start_time,
                       (select count(*) from social.feed_item f where f.workout_id = o.workout_id)
                from unnest(cast(? as uuid[]), cast(? as timestamptz[])) p (reader, start)
                join social.feed_item o on o.reader_id = p.reader and o.start_time = p.start
                """)) {
      while (System.nanoTime() < giveUp) {
        if (!sending.get() && giveUp == Long.MAX_VALUE) {
          giveUp = System.nanoTime() + 30_000_000_000L;
        }
        if (inFlight.isEmpty() && !sending.get()) {
          break;
        }
        List<Recording> waiting = List.copyOf(inFlight.keySet());
        Object[] readers = waiting.stream().map(Recording::author).toArray();
        Object[] starts = waiting.stream().map(r -> r.start().toString()).toArray();
        done.setArray(1, connection.createArrayOf("text", readers));
        done.setArray(2, connection.createArrayOf("text", starts));
        try (ResultSet row = done.executeQuery()) {
          while (row.next()) {
            long now = System.nanoTime();
            Long sent =
                inFlight.remove(new Recording(row.getString(1), row.getTimestamp(2).toInstant()));
            long count = row.getLong(3);
            rows += count;
            if (sent != null && count == FOLLOWERS + 1) {
              millis.add((now - sent) / 1e6);
              lastDone = now;
            } else {
              incomplete++;
            }
          }
        }
        Thread.sleep(2);
      }
    }
    return new long[] {rows, incomplete + inFlight.size(), lastDone};
  }

  private static Map<String, Object> workout(Instant start) {
    return object(
        "sport",
        "run",
        "startTime",
        start.toString(),
        "durationSeconds",
        120,
        "distanceMeters",
        400.0,
        "title",
        "Bench run",
        "visibility",
        "public");
  }

  // ---- feed reads --------------------------------------------------------------------------

  /**
   * A reader following {@link #FOLLOWED} athletes of {@link #WORKOUTS_EACH} workouts each (all in
   * the reader's feed), the rest of {@link #FEED_ROWS} belonging to other readers (100 each); the
   * first page and page {@link #DEEP_PAGE} (its cursor reached by following {@code nextCursor}), 8
   * connections pausing 0–80 ms as for the workout list.
   */
  private static void feedReads(LocalStack stack, StackConfig config, HttpJson http, Path work)
      throws Exception {
    String token = signIn(config, WorkoutBenchmarks.register(http, "Feed Reader"), "social:read");
    String reader = userId(token);
    awaitAthletes(stack, List.of(reader));
    long rows = loadFeeds(stack, reader);
    String feed = "/api/v1/social/feed";
    String cursor = null;
    for (int page = 1; page < DEEP_PAGE; page++) {
      HttpJson.Reply reply =
          http.get(
              cursor == null
                  ? feed
                  : feed + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
              token);
      if (reply.status() != 200 || reply.json().get("nextCursor").isNull()) {
        throw new IllegalStateException("feed page " + page + " answered " + reply);
      }
      cursor = reply.json().get("nextCursor").asString();
    }
    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    List<String> auth = List.of("Authorization: Bearer " + token);
    Path paced = Wrk.pacedScript(work, 40);
    String first = gateway + feed;
    String deep = gateway + feed + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    Wrk.run(first, 8, 15, auth, paced);
    Wrk.run(deep, 8, 15, auth, paced);
    for (String url : List.of(first, deep)) {
      Wrk.Result result = Wrk.run(url, 8, 20, auth, paced);
      BenchmarkMain.row(
          String.format(
              "GET /social/feed %s (%d followed, %,d rows)",
              url == first ? "first page" : "page " + DEEP_PAGE, FOLLOWED, rows),
          "p50 %.1f ms, p99 %.1f ms at %.0f req/s (%d errors)",
          new Object[] {result.p50(), result.p99(), result.requestsPerSecond(), result.errors()},
          "p99 < 30 ms",
          result.p99() < 30 && result.errors() == 0);
    }
  }

  /** Loads the feed tables directly (insert … select, as for the workout list); rows in total. */
  private static long loadFeeds(LocalStack stack, String reader) throws Exception {
    int workouts = FOLLOWED * WORKOUTS_EACH;
    int others = (FEED_ROWS - workouts) / 100;
    // workout k: athlete k % 500 + 1, k minutes before now; its feed row has the same three
    String workout =
        "%s, %s, timestamptz '%s' - k * interval '1 minute'"
            .formatted(
                uuid(3, "k"),
                uuid(1, "k % " + FOLLOWED + " + 1"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (Connection connection = stack.postgres().dataSource().getConnection();
        Statement load = connection.createStatement()) {
      // the followers count as if the other readers followed too (their follow rows are left out)
      load.execute(athleteRows(1, "Athlete", FOLLOWED, 1 + others * 100 / FOLLOWED));
      load.execute(athleteRows(2, "Reader", others, 0));
      load.execute(
          """
          insert into social.follow (follower_id, user_id, status, since)
          select '%s', %s, 'APPROVED', now() from generate_series(1, %d) g
          """
              .formatted(reader, uuid(1, "g"), FOLLOWED));
      load.execute(
          """
          insert into social.workout (workout_id, owner_id, start_time, sport, title,
              elapsed_seconds, moving_seconds, distance_m, visibility, version)
          select %s, 'run', 'Run ' || k, 3600, 3500, 10000, 'public', 0
          from generate_series(1, %d) k
          """
              .formatted(workout, workouts));
      load.execute(
          """
          insert into social.feed_item (reader_id, workout_id, owner_id, start_time)
          select '%s', %s from generate_series(1, %d) k
          """
              .formatted(reader, workout, workouts));
      // every other reader: 100 consecutive workouts, so those of 100 different athletes
      load.execute(
          """
          insert into social.feed_item (reader_id, workout_id, owner_id, start_time)
          select %s, %s from generate_series(1, %d) r,
              lateral (select (r * 100 + j) %% %d + 1 as k from generate_series(0, 99) j) w
          """
              .formatted(uuid(2, "r"), workout, others, workouts));
      for (String table : List.of("athlete", "follow", "workout", "feed_item")) {
        load.execute("analyze social." + table);
      }
      try (ResultSet count = load.executeQuery("select count(*) from social.feed_item")) {
        count.next();
        return count.getLong(1);
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** A made-up id, {@code kind} telling the sets apart: 00000000-0000-0000-000k-00000000000n. */
  private static String uuid(int kind, String n) {
    return "('00000000-0000-0000-000" + kind + "-' || lpad((" + n + ")::text, 12, '0'))::uuid";
  }

  private static String athleteRows(int kind, String name, int count, long followers) {
    return """
        insert into social.athlete (user_id, display_name, search_name, account_private,
            profile_version, followers)
        select %s, '%s ' || g, lower('%s ' || g), false, 0, %d from generate_series(1, %d) g
        """
        .formatted(uuid(kind, "g"), name, name, followers, count);
  }

  private static String signIn(StackConfig config, String email, String scopes) {
    return new OAuthFlows("http://127.0.0.1:" + config.gatewayPort())
        .signInWithMobileApp(email, WorkoutBenchmarks.PASSWORD, scopes)
        .get("access_token")
        .asString();
  }

  private static String userId(String token) {
    return OAuthFlows.claims(token).get("uid").asString();
  }

  /** Until social-service has each athlete's profile (ProfileUpdated after registration). */
  private static void awaitAthletes(LocalStack stack, List<String> ids) throws Exception {
    long giveUp = System.nanoTime() + 60_000_000_000L;
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement known =
            connection.prepareStatement(
                "select count(*) from social.athlete where user_id = any(cast(? as uuid[]))")) {
      known.setArray(1, connection.createArrayOf("text", ids.toArray()));
      while (true) {
        try (ResultSet row = known.executeQuery()) {
          row.next();
          if (row.getLong(1) == ids.size()) {
            return;
          }
        }
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("social-service lacks some of " + ids + " after 60 s");
        }
        Thread.sleep(20);
      }
    }
  }

  /** {@code share} (0..1] of sorted {@code values}: the nearest rank. */
  private static double percentile(List<Double> values, double share) {
    return values.get((int) Math.ceil(values.size() * share) - 1);
  }

  /** Mean milliseconds per call of a Prometheus timer between two scrapes, its series summed. */
  private static double perCall(String before, String after, String timer, String series) {
    double seconds = sum(after, timer + "_sum", series) - sum(before, timer + "_sum", series);
    return seconds
        * 1000
        / (sum(after, timer + "_count", series) - sum(before, timer + "_count", series));
  }

  /** The sum of a Prometheus metric's series whose labels contain {@code series}. */
  private static double sum(String scrape, String name, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> line.contains(series))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
